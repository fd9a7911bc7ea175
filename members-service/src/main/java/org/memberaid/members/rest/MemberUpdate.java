package org.memberaid.members.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.Education;
import org.memberaid.members.domain.Gender;
import org.memberaid.members.domain.LaborCapacity;

/**
 * The body of {@code PUT /api/members/{id}} as the OpenAPI document describes it. The service reads
 * it as a {@link org.memberaid.members.domain.MemberInput}, one rule set for both, but an update's
 * contract differs from a registration's: the national ID and the county may be left out (and
 * must equal the member's when sent: they change by no update), and the hardship status is refused
 * (an assessment changes it). Documentation only; kept beside the resource that reads the body.
 */
@Schema(name = "MemberUpdate", description = "The member's changeable attributes, all of them (PUT replaces). "
        + "nationalId and countyCode may be sent but must be the member's own (400 otherwise: the county changes "
        + "by transfer); hardshipStatus and causes are refused (400: an assessment changes them). Payee details: "
        + "bankAccount and accountHolder both, or neither, which removes the member's (PUT replaces); bankAccount "
        + "exactly as answered (masked) keeps the member's account.",
        requiredProperties = { "name", "joinedPartyOn", "laborCapacity", "annualIncome" })
record MemberUpdate(
        @Schema(description = "The member's own, if sent", examples = "620702197001010015") String nationalId,
        @Schema(maxLength = 50, examples = "王秀英") String name,
        @Schema(implementation = Gender.class, description = "Derived from the national ID; if given it must agree")
        String gender,
        @Schema(maxLength = 20, examples = "汉族") String ethnicity,
        @Schema(description = "Mainland mobile or landline number", examples = "13909360123") String phone,
        @Schema(description = "The member's own, if sent", examples = "620702") String countyCode,
        @Schema(maxLength = 100, examples = "梁家墩镇") String township,
        @Schema(maxLength = 100, examples = "清凉寺村") String village,
        @Schema(maxLength = 100, examples = "清凉寺村党支部") String partyBranch,
        @Schema(format = "date", description = "Not before the 18th birthday, not in the future",
                examples = "1992-07-01") String joinedPartyOn,
        @Schema(format = "date", description = "The member's registration date, if sent: it never changes (400 "
                + "otherwise)", examples = "2015-03-10") String registeredOn,
        @Schema(implementation = Education.class) String education,
        @Schema(implementation = LaborCapacity.class) String laborCapacity,
        @Schema(type = SchemaType.NUMBER, description = "Yuan per year, at most 2 decimals, >= 0", examples = "3600.00")
        String annualIncome,
        @Schema(type = SchemaType.BOOLEAN, description = "Outstanding past contributions (holiday visits); default false")
        String notableContribution,
        @Schema(description = "12 to 30 digits (spaces between groups of digits are dropped), or the member's as "
                + "answered (masked), which keeps it. With accountHolder, or neither: left out, the member's payee "
                + "details are removed (rule payee-incomplete)", examples = "6222***********3445") String bankAccount,
        @Schema(maxLength = 100, description = "With bankAccount, or neither (rule payee-incomplete)",
                examples = "王秀英") String accountHolder) {
}
