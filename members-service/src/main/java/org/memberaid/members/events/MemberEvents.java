package org.memberaid.members.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.memberaid.events.outbox.Outbox;
import org.memberaid.members.domain.Member;

/** The events members-service publishes on {@value #TOPIC}, keyed by member id. */
@ApplicationScoped
public class MemberEvents {

    public static final String TOPIC = "members.events";
    public static final String REGISTERED = "memberaid.member.registered.v1";

    @Inject
    Outbox outbox;

    public void registered(Member member) {
        outbox.append(TOPIC, member.id.toString(), REGISTERED, member.version, MemberSnapshot.of(member));
    }
}
