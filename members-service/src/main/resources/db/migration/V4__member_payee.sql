-- A member's payee details: the bank account relief-service pays the member's disbursements to and
-- the account holder's name; both or neither (docs/payments.md). Nullable columns without a default:
-- adding them rewrites nothing, and members without payee details stay as they are.
ALTER TABLE member
    ADD COLUMN bank_account   VARCHAR(30) CHECK (bank_account ~ '^[0-9]{12,30}$'),
    ADD COLUMN account_holder VARCHAR(100),
    ADD CONSTRAINT member_payee_complete CHECK ((bank_account IS NULL) = (account_holder IS NULL));
