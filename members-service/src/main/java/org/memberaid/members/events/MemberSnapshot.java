package org.memberaid.members.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.memberaid.members.domain.Member;

/**
 * The {@code data} of every member event: the member as its consumers read it (relief's replica:
 * county, birth date, party seniority, labour capacity, income, notability, hardship and
 * registration status; reporting: county, statuses, dates), plus what the change was. It
 * deliberately carries nothing else: no national ID, name, phone, gender, ethnicity, hardship
 * causes or payee details (data minimisation; the registry keeps them, behind access control; the
 * payee details go to relief alone, as {@link PayeeChanged}).
 *
 * @param registeredOn the business date the member entered the registry, from which reports count
 *     the member (a census of an earlier year is registered on its own date)
 * @param effectiveOn the business date the change takes effect (registration date, assessment
 *     date, transfer or deregistration date); never before {@code registeredOn}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberSnapshot(UUID id, String countyCode, LocalDate birthDate, LocalDate joinedPartyOn,
        String laborCapacity, BigDecimal annualIncome, boolean notableContribution, String hardshipStatus,
        String registrationStatus, LocalDate registeredOn, long version, LocalDate effectiveOn, String previousCountyCode,
        String deregistrationReason) {

    public static MemberSnapshot of(Member member, LocalDate effectiveOn, String previousCountyCode) {
        return new MemberSnapshot(member.id, member.countyCode, member.birthDate, member.joinedPartyOn,
                member.laborCapacity == null ? null : member.laborCapacity.name(), member.annualIncome,
                member.notableContribution, member.hardshipStatus.name(), member.registrationStatus.name(),
                member.registeredOn, member.version, effectiveOn, previousCountyCode,
                member.deregistrationReason == null ? null : member.deregistrationReason.name());
    }
}
