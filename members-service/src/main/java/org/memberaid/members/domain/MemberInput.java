package org.memberaid.members.domain;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registration as a registrar submits it, one JSON body or one CSV row, before validation.
 * Fields are text so that every bad value, from either source, gets the same field-named answer.
 */
@Schema(name = "MemberRegistration")
public record MemberInput(
        @Schema(required = true, description = "18-character PRC resident ID (GB 11643)", examples = "620702197001010015")
        String nationalId,
        @Schema(required = true, maxLength = 50, examples = "王秀英")
        String name,
        @Schema(description = "Derived from the national ID; if given it must agree", enumeration = {"MALE", "FEMALE"})
        String gender,
        @Schema(maxLength = 20, examples = "汉族")
        String ethnicity,
        @Schema(description = "Mainland mobile or landline number", examples = "13909360123")
        String phone,
        @Schema(required = true, description = "County-level region code (GET /api/regions)", examples = "620702")
        String countyCode,
        @Schema(maxLength = 100, examples = "梁家墩镇")
        String township,
        @Schema(maxLength = 100, examples = "清凉寺村")
        String village,
        @Schema(maxLength = 100, examples = "清凉寺村党支部")
        String partyBranch,
        @Schema(required = true, format = "date", description = "Not before the 18th birthday, not in the future",
                examples = "1992-07-01")
        String joinedPartyOn,
        @Schema(format = "date", description = "The business date the member entered the programme's registry (a "
                + "census of an earlier year is registered on its own date): not in the future, not before the "
                + "member joined the party, within the programme's years; default today. Never changes afterwards",
                examples = "2015-03-10")
        String registeredOn,
        @Schema(enumeration = {"NONE", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL",
                "JUNIOR_COLLEGE", "BACHELOR", "POSTGRADUATE"})
        String education,
        @Schema(required = true, enumeration = {"FULL", "PARTIAL", "NONE"})
        String laborCapacity,
        @Schema(required = true, type = SchemaType.NUMBER, description = "Yuan per year, at most 2 decimals, >= 0",
                examples = "3600.00")
        String annualIncome,
        @Schema(type = SchemaType.BOOLEAN, description = "Outstanding past contributions (holiday visits); default false")
        String notableContribution,
        @Schema(description = "Initial hardship status; default NOT_IN_DIFFICULTY",
                enumeration = {"NOT_IN_DIFFICULTY", "IN_DIFFICULTY"})
        String hardshipStatus,
        @Schema(type = SchemaType.ARRAY, implementation = HardshipCause.class,
                description = "Required (at least one) when IN_DIFFICULTY")
        List<String> causes,
        @Schema(description = "The bank account relief pays the member to: 12 to 30 digits (spaces between groups "
                + "of digits are dropped). With accountHolder, or neither (rule payee-incomplete)",
                examples = "6222 0202 0011 2233 445")
        String bankAccount,
        @Schema(maxLength = 100, description = "The name of the bank account's holder. With bankAccount, or neither "
                + "(rule payee-incomplete)", examples = "王秀英")
        String accountHolder) {
}
