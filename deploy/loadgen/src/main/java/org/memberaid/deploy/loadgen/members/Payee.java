package org.memberaid.deploy.loadgen.members;

/**
 * A member's payee details as members-service takes them (docs/payments.md): a bank account of 12
 * to 30 digits and its holder's name. A synthetic member holds the account itself, whose number is
 * a bank prefix and the 17 digits of the national ID before its check digit, so two members never
 * share one.
 */
public record Payee(String bankAccount, String accountHolder) {

    private static final String BANK_PREFIX = "6222";

    public static Payee of(SyntheticMember member) {
        return new Payee(BANK_PREFIX + member.nationalId().substring(0, 17), member.name());
    }
}
