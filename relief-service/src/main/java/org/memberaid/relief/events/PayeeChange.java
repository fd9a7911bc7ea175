package org.memberaid.relief.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import java.util.regex.Pattern;
import org.memberaid.events.CloudEvent;
import org.memberaid.relief.events.EventData.Unreadable;

/**
 * A change of a member's payee details as relief takes it from members.payees: the member (the
 * event's subject), its version (the event's sequence) and the details as they now are, both null
 * when they were removed. The bank account is checked (12 to 30 digits: it goes into bank files);
 * the rest the table's constraints hold. No reason given for an unreadable event repeats the account.
 */
record PayeeChange(UUID memberId, long version, String bankAccount, String accountHolder) {

    static final String TYPE = "memberaid.member.payee-changed.v1";

    private static final Pattern BANK_ACCOUNT = Pattern.compile("[0-9]{12,30}");

    /** members-service's PayeeChanged, as relief reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(UUID memberId, String bankAccount, String accountHolder) {
    }

    /** The change {@code event} describes; {@link Unreadable} says what of it relief cannot take. */
    static PayeeChange of(CloudEvent event, ObjectMapper json) throws Unreadable {
        if (!TYPE.equals(event.type())) {
            throw new Unreadable("not a payee event type relief knows");
        }
        UUID memberId = EventData.memberId(event);
        Data data = EventData.read(event, json, Data.class);
        if (data.memberId() != null && !data.memberId().equals(memberId)) {
            throw new Unreadable("data.memberId is not the event's subject");
        }
        if ((data.bankAccount() == null) != (data.accountHolder() == null)) {
            throw new Unreadable("data.bankAccount and data.accountHolder: both or neither");
        }
        if (data.bankAccount() != null && !BANK_ACCOUNT.matcher(data.bankAccount()).matches()) {
            throw new Unreadable("data.bankAccount is not 12 to 30 digits");
        }
        return new PayeeChange(memberId, event.sequence(), data.bankAccount(), data.accountHolder());
    }

    /** Without the account: whatever logs a change never logs it. */
    @Override
    public String toString() {
        return "PayeeChange[memberId=" + memberId + ", version=" + version + ", bankAccount="
                + (bankAccount == null ? null : "(hidden)") + ", accountHolder=" + accountHolder + "]";
    }
}
