package org.memberaid.members.domain;

/**
 * Where the programme pays a member: a bank account (12 to 30 digits) and the name of the account's
 * holder. A member has both or neither (rule {@value #INCOMPLETE}); relief-service pays to them.
 */
public record Payee(String bankAccount, String accountHolder) {

    /** The rule a bank account without its holder, or a holder without an account, breaks. */
    public static final String INCOMPLETE = "payee-incomplete";

    /**
     * The form shown to anyone not entitled to the whole account, like a national ID: the first four
     * and the last four digits, a {@code *} for each digit between.
     */
    public static String masked(String bankAccount) {
        if (bankAccount == null || bankAccount.length() <= 8) {
            return bankAccount == null ? null : "*".repeat(bankAccount.length());
        }
        return bankAccount.substring(0, 4) + "*".repeat(bankAccount.length() - 8)
                + bankAccount.substring(bankAccount.length() - 4);
    }

    /** Masked: whatever logs a payee never logs the account. */
    @Override
    public String toString() {
        return "Payee[bankAccount=" + masked(bankAccount) + ", accountHolder=" + accountHolder + "]";
    }
}
