package org.memberaid.members.rest;

import java.time.Instant;
import java.util.UUID;
import org.memberaid.members.domain.Member;

/** A member as clients see it: the national ID is masked (birth date and serial hidden). */
public record MemberResponse(UUID id, String nationalId, String name, String countyCode,
        String registrationStatus, long version, Instant createdAt, Instant updatedAt) {

    public static MemberResponse of(Member member) {
        return new MemberResponse(member.id, mask(member.nationalId), member.name, member.countyCode,
                member.registrationStatus.name(), member.version, member.createdAt, member.updatedAt);
    }

    static String mask(String nationalId) {
        return nationalId.substring(0, 6) + "********" + nationalId.substring(14);
    }
}
