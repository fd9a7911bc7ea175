package org.memberaid.members.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.memberaid.events.outbox.Outbox;
import org.memberaid.members.domain.Member;

/**
 * The events members-service publishes on {@value #TOPIC}, keyed by member id, with the member's
 * version as {@code sequence}. Call after the change is flushed, so the version is the new one.
 */
@ApplicationScoped
public class MemberEvents {

    public static final String TOPIC = "members.events";
    public static final String REGISTERED = "memberaid.member.registered.v1";
    public static final String UPDATED = "memberaid.member.updated.v1";
    public static final String HARDSHIP_ASSESSED = "memberaid.member.hardship-assessed.v1";
    public static final String TRANSFERRED = "memberaid.member.transferred.v1";
    public static final String DEREGISTERED = "memberaid.member.deregistered.v1";

    @Inject
    Outbox outbox;

    /** Registrations, on the plain JDBC transaction that writes the members, with one batched statement. */
    public void registered(Connection connection, List<Member> members) throws SQLException {
        outbox.appendAll(connection, members.stream().map(MemberEvents::registration).toList());
    }

    private static Outbox.Event registration(Member member) {
        return event(REGISTERED, member, member.registeredOn, null);
    }

    public void updated(Member member, LocalDate today) {
        publish(UPDATED, member, today, null);
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

    private static Outbox.Event event(String type, Member member, LocalDate effectiveOn, String previousCountyCode) {
        return new Outbox.Event(TOPIC, member.id.toString(), type, member.version,
                MemberSnapshot.of(member, effectiveOn, previousCountyCode), member.changedBy);
    }
}
