package org.memberaid.members.events;

import java.util.UUID;
import org.memberaid.members.domain.Member;

/**
 * What consumers learn about a member. It deliberately carries no national ID, name or phone
 * number: consumers need figures, not identities.
 */
public record MemberSnapshot(UUID id, String countyCode, String registrationStatus, long version) {

    public static MemberSnapshot of(Member member) {
        return new MemberSnapshot(member.id, member.countyCode, member.registrationStatus.name(), member.version);
    }
}
