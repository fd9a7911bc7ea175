package org.memberaid.members.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.memberaid.members.domain.Member;

/**
 * The {@code data} of every member event: the member as consumers need it, plus what the change
 * was. It deliberately carries no national ID, name or phone number (data minimisation).
 *
 * @param effectiveOn the business date the change takes effect (registration date, assessment
 *     date, transfer or deregistration date)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberSnapshot(UUID id, String countyCode, LocalDate birthDate, String gender, String ethnicity,
        LocalDate joinedPartyOn, String laborCapacity, BigDecimal annualIncome, boolean notableContribution,
        String hardshipStatus, List<String> causes, String registrationStatus, long version, LocalDate effectiveOn,
        String previousCountyCode, String deregistrationReason) {

    public static MemberSnapshot of(Member member, LocalDate effectiveOn, String previousCountyCode) {
        return new MemberSnapshot(member.id, member.countyCode, member.birthDate, member.gender.name(),
                member.ethnicity, member.joinedPartyOn, member.laborCapacity == null ? null : member.laborCapacity.name(),
                member.annualIncome, member.notableContribution, member.hardshipStatus.name(),
                member.hardshipCauses.stream().map(Enum::name).toList(), member.registrationStatus.name(),
                member.version, effectiveOn, previousCountyCode,
                member.deregistrationReason == null ? null : member.deregistrationReason.name());
    }
}
