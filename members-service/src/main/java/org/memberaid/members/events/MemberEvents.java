package org.memberaid.members.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.memberaid.events.outbox.Outbox;
import org.memberaid.members.domain.Member;

/**
 * The events members-service publishes on {@value #TOPIC}, and on {@value #PAYEES_TOPIC} when a
 * member's payee details are set, changed or removed, keyed by member id, with the member's version
 * as {@code sequence}: a change of payee details carries the version of the members.events event of
 * the same change, in the same transaction. Call after the change is flushed, so the version is the
 * new one.
 */
@ApplicationScoped
public class MemberEvents {

    public static final String TOPIC = "members.events";
    public static final String REGISTERED = "memberaid.member.registered.v1";
    public static final String UPDATED = "memberaid.member.updated.v1";
    public static final String HARDSHIP_ASSESSED = "memberaid.member.hardship-assessed.v1";
    public static final String TRANSFERRED = "memberaid.member.transferred.v1";
    public static final String DEREGISTERED = "memberaid.member.deregistered.v1";
    /** Bank accounts travel apart from members.events, on a topic only relief-service may read. */
    public static final String PAYEES_TOPIC = "members.payees";
    public static final String PAYEE_CHANGED = "memberaid.member.payee-changed.v1";

    @Inject
    Outbox outbox;

    /**
     * Registrations, and the payee details of the members registered with them, on the plain JDBC
     * transaction that writes the members, with one batched statement.
     */
    public void registered(Connection connection, List<Member> members) throws SQLException {
        List<Outbox.Event> events = new ArrayList<>(members.size());
        for (Member member : members) {
            events.add(event(REGISTERED, member, member.registeredOn, null));
            if (member.payee() != null) {
                events.add(payeeChanged(member));
            }
        }
        outbox.appendAll(connection, events);
    }

    /** An update; with {@code payeeChanged}, also the member's new payee details. */
    public void updated(Member member, LocalDate today, boolean payeeChanged) {
        Outbox.Event updated = event(UPDATED, member, today, null);
        outbox.appendAll(payeeChanged ? List.of(updated, payeeChanged(member)) : List.of(updated));
    }

    public void hardshipAssessed(Member member, LocalDate assessedOn) {
        publish(HARDSHIP_ASSESSED, member, assessedOn, null);
    }

    public void transferred(Member member, LocalDate effectiveOn, String fromCountyCode) {
        publish(TRANSFERRED, member, effectiveOn, fromCountyCode);
    }

    public void deregistered(Member member) {
        publish(DEREGISTERED, member, member.deregisteredOn, null);
    }

    private void publish(String type, Member member, LocalDate effectiveOn, String previousCountyCode) {
        outbox.appendAll(List.of(event(type, member, effectiveOn, previousCountyCode)));
    }

    private static Outbox.Event payeeChanged(Member member) {
        return new Outbox.Event(PAYEES_TOPIC, member.id.toString(), PAYEE_CHANGED, member.version,
                PayeeChanged.of(member), member.changedBy);
    }

    private static Outbox.Event event(String type, Member member, LocalDate effectiveOn, String previousCountyCode) {
        return new Outbox.Event(TOPIC, member.id.toString(), type, member.version,
                MemberSnapshot.of(member, effectiveOn, previousCountyCode), member.changedBy);
    }
}
