package org.memberaid.members.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.memberaid.members.domain.NationalId;
import org.memberaid.members.domain.Payee;
import org.memberaid.problems.InvalidInputException;

/**
 * The one place that decides whether an answer shows a member's national ID, phone and bank account
 * whole. They are masked everywhere unless a registrar or admin asked to see them on one member
 * ({@code GET /api/members/{id}?reveal=nationalId,phone,bankAccount}); that read is audited.
 */
public record Disclosure(Set<Field> revealed) {

    public static final String REVEAL_PARAMETER = "reveal";
    public static final Disclosure MASKED = new Disclosure(EnumSet.noneOf(Field.class));

    /** What may be revealed, by its name in the answer. */
    public enum Field {
        nationalId, phone, bankAccount
    }

    /** The fields a {@code reveal} parameter names; an unknown one is a 400 naming the parameter. */
    public static Disclosure of(String reveal) {
        if (reveal == null || reveal.isBlank()) {
            return MASKED;
        }
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (String name : reveal.split(",")) {
            try {
                fields.add(Field.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(REVEAL_PARAMETER, "names what to show unmasked: one or more of "
                        + Arrays.toString(Field.values()) + ", separated by commas");
            }
        }
        return new Disclosure(fields);
    }

    public boolean revealsAnything() {
        return !revealed.isEmpty();
    }

    /** The revealed fields as the audit log records them, e.g. "nationalId,phone" or "bankAccount". */
    public String names() {
        return revealed.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public String nationalId(String nationalId) {
        return revealed.contains(Field.nationalId) ? nationalId : NationalId.masked(nationalId);
    }

    public String phone(String phone) {
        return revealed.contains(Field.phone) ? phone : maskedPhone(phone);
    }

    public String bankAccount(String bankAccount) {
        return revealed.contains(Field.bankAccount) ? bankAccount : Payee.masked(bankAccount);
    }

    /** The first three digits (the carrier) and the last four, as Chinese services show a phone. */
    static String maskedPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int head = digits.length() >= 11 ? 3 : 0;
        return digits.substring(0, head) + "*".repeat(digits.length() - head - 4)
                + digits.substring(digits.length() - 4).toUpperCase(Locale.ROOT);
    }
}
