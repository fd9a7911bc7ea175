package org.memberaid.members.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.Payee;

/**
 * The {@code data} of {@value MemberEvents#PAYEE_CHANGED} on {@value MemberEvents#PAYEES_TOPIC}: a
 * member's payee details as they are after the change, both null when they were removed. The whole
 * account travels here and nowhere else (not on members.events); only relief-service may read the topic.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PayeeChanged(UUID memberId, String bankAccount, String accountHolder) {

    static PayeeChanged of(Member member) {
        return new PayeeChanged(member.id, member.bankAccount, member.accountHolder);
    }

    /** Masked: whatever logs an event's data never logs the account. */
    @Override
    public String toString() {
        return "PayeeChanged[memberId=" + memberId + ", bankAccount=" + Payee.masked(bankAccount)
                + ", accountHolder=" + accountHolder + "]";
    }
}
