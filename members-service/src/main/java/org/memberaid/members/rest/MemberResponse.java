package org.memberaid.members.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.Member;

/** A member as clients see it; national ID and phone are masked unless {@link Disclosure} reveals them. */
@Schema(name = "Member")
public record MemberResponse(UUID id,
        @Schema(examples = "620702********0015") String nationalId,
        String name, String gender, LocalDate birthDate, String ethnicity,
        @Schema(examples = "139****0123") String phone, String countyCode,
        String township, String village, String partyBranch, LocalDate joinedPartyOn, String education,
        String laborCapacity, BigDecimal annualIncome, boolean notableContribution, String hardshipStatus,
        List<String> causes, String registrationStatus, LocalDate registeredOn, LocalDate deregisteredOn,
        String deregistrationReason, long version, Instant createdAt, Instant updatedAt) {

    public static MemberResponse of(Member m, Disclosure disclosure) {
        return new MemberResponse(m.id, disclosure.nationalId(m.nationalId), m.name, name(m.gender),
                m.birthDate, m.ethnicity, disclosure.phone(m.phone), m.countyCode, m.township, m.village, m.partyBranch,
                m.joinedPartyOn, name(m.education), name(m.laborCapacity), m.annualIncome, m.notableContribution,
                name(m.hardshipStatus), m.hardshipCauses.stream().map(Enum::name).toList(),
                name(m.registrationStatus), m.registeredOn, m.deregisteredOn, name(m.deregistrationReason),
                m.version, m.createdAt, m.updatedAt);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
