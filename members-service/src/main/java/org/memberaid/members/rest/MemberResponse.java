package org.memberaid.members.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.DeregistrationReason;
import org.memberaid.members.domain.Education;
import org.memberaid.members.domain.Gender;
import org.memberaid.members.domain.HardshipCause;
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.members.domain.LaborCapacity;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.RegistrationStatus;

/**
 * A member as clients see it; national ID, phone and bank account are masked unless {@link Disclosure}
 * reveals them.
 */
@Schema(name = "Member")
public record MemberResponse(UUID id,
        @Schema(examples = "620702********0015") String nationalId,
        String name,
        @Schema(implementation = Gender.class) String gender,
        LocalDate birthDate,
        @Schema(nullable = true) String ethnicity,
        @Schema(nullable = true, examples = "139****0123") String phone,
        String countyCode,
        @Schema(nullable = true) String township,
        @Schema(nullable = true) String village,
        @Schema(nullable = true) String partyBranch,
        LocalDate joinedPartyOn,
        @Schema(implementation = Education.class, nullable = true) String education,
        @Schema(implementation = LaborCapacity.class) String laborCapacity,
        BigDecimal annualIncome, boolean notableContribution,
        @Schema(implementation = HardshipStatus.class) String hardshipStatus,
        @Schema(type = SchemaType.ARRAY, implementation = HardshipCause.class) List<String> causes,
        @Schema(implementation = RegistrationStatus.class) String registrationStatus,
        LocalDate registeredOn,
        @Schema(nullable = true) LocalDate deregisteredOn,
        @Schema(implementation = DeregistrationReason.class, nullable = true) String deregistrationReason,
        @Schema(description = "Raised by every change; the ETag") long version,
        Instant createdAt, Instant updatedAt,
        @Schema(nullable = true, description = "Masked (the first four and the last four digits) unless revealed; "
                + "null when the member has no payee details", examples = "6222***********3445") String bankAccount,
        @Schema(nullable = true, description = "null when the member has no payee details", examples = "王秀英")
        String accountHolder) {

    public static MemberResponse of(Member m, Disclosure disclosure) {
        return new MemberResponse(m.id, disclosure.nationalId(m.nationalId), m.name, name(m.gender),
                m.birthDate, m.ethnicity, disclosure.phone(m.phone), m.countyCode, m.township, m.village, m.partyBranch,
                m.joinedPartyOn, name(m.education), name(m.laborCapacity), m.annualIncome, m.notableContribution,
                name(m.hardshipStatus), m.hardshipCauses.stream().map(Enum::name).toList(),
                name(m.registrationStatus), m.registeredOn, m.deregisteredOn, name(m.deregistrationReason),
                m.version, m.createdAt, m.updatedAt, disclosure.bankAccount(m.bankAccount), m.accountHolder);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
