package org.memberaid.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.memberaid.events.CloudEvent;
import org.memberaid.reporting.domain.Assistance;
import org.memberaid.reporting.domain.DisbursementState;
import org.memberaid.reporting.domain.Figure;
import org.memberaid.reporting.domain.FundState;
import org.memberaid.reporting.domain.MemberState;

/** Every event type reporting reads, parsed into its record, and the ways an event breaks the contract. */
class EventParserTest {

    /** As the inbox reads them: a decimal in the data is a double until the parser reads it as an amount. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID SUBJECT = UUID.fromString("0190a1b2-0000-7000-8000-000000000001");
    private static final UUID MEMBER = UUID.fromString("0190a1b2-0000-7000-8000-000000000002");
    private static final UUID ID = UUID.fromString("0190a1b2-0000-7000-8000-000000000003");
    private static final String MEMBER_DATA = """
            {"countyCode":"620702","registrationStatus":"ACTIVE","hardshipStatus":"IN_DIFFICULTY",
             "effectiveOn":"2015-05-05","registeredOn":"2015-01-10"}""";
    private static final String FUND_DATA = """
            {"id":"%s","countyCode":"620702","year":2015,"kind":"SPECIAL_RELIEF","budget":100000.5}""".formatted(ID);
    private static final String DISBURSEMENT_DATA = """
            {"id":"%s","memberId":"%s","countyCode":"620702","disbursedOn":"2015-06-18","kind":"HARDSHIP_RELIEF",
             "amount":1800.5,"status":"APPROVED"}""".formatted(ID, MEMBER);

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "MEMBER_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyMemberTypeIsTheMemberAfterTheChange(EventType type) {
        MemberChanged member = (MemberChanged) EventParser.parse(event(type, 7, MEMBER_DATA));

        assertThat(member).isEqualTo(new MemberChanged(type, SUBJECT, "620702", "ACTIVE", "IN_DIFFICULTY", 7,
                LocalDate.of(2015, 5, 5), LocalDate.of(2015, 1, 10)));
        assertThat(member.state()).isEqualTo(new MemberState(SUBJECT, "620702", "ACTIVE", "IN_DIFFICULTY", 7,
                LocalDate.of(2015, 5, 5)));
    }

    @Test
    void aMemberChangeWithoutEffectiveOnCountsOnTheDayItHappenedInShanghai() {
        MemberChanged member = (MemberChanged) EventParser.parse(event(EventType.MEMBER_UPDATED, 2, "2015-03-31T17:30:00Z",
                """
                {"countyCode":"620702","registrationStatus":"ACTIVE","hardshipStatus":"LIFTED_OUT"}"""));

        assertThat(member.effectiveOn()).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(member.registeredOn()).isNull();
        assertThat(member.state().since()).isEqualTo(LocalDate.of(2015, 4, 1));
    }

    @Test
    void aMemberNeverCountsBeforeItsRegistration() {
        MemberChanged member = (MemberChanged) EventParser.parse(event(EventType.MEMBER_HARDSHIP_ASSESSED, 3, """
                {"countyCode":"620702","registrationStatus":"ACTIVE","hardshipStatus":"IN_DIFFICULTY",
                 "effectiveOn":"2014-12-01","registeredOn":"2015-01-10"}"""));

        assertThat(member.state().since()).isEqualTo(LocalDate.of(2015, 1, 10));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "FUND_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyFundTypeIsTheFundAfterTheChange(EventType type) {
        FundChanged fund = (FundChanged) EventParser.parse(event(type, 4, FUND_DATA));

        assertThat(fund).isEqualTo(new FundChanged(type, ID, "620702", 2015, "SPECIAL_RELIEF",
                new BigDecimal("100000.5"), 4));
        assertThat(fund.state()).isEqualTo(new FundState(ID, "620702", 2015, "SPECIAL_RELIEF",
                new BigDecimal("100000.5"), 4));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "DISBURSEMENT_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyDisbursementTypeIsTheDisbursementAfterTheTransition(EventType type) {
        DisbursementChanged disbursement = (DisbursementChanged) EventParser.parse(event(type, 2, DISBURSEMENT_DATA));

        assertThat(disbursement).isEqualTo(new DisbursementChanged(type, ID, MEMBER, "620702",
                LocalDate.of(2015, 6, 18), "HARDSHIP_RELIEF", new BigDecimal("1800.5"), "APPROVED", 2));
        assertThat(disbursement.state()).isEqualTo(new DisbursementState(ID, MEMBER, "620702",
                LocalDate.of(2015, 6, 1), "HARDSHIP_RELIEF", new BigDecimal("1800.5"), "APPROVED", 2));
    }

    @Test
    void anAssistanceRecordIsReadWithItsHelper() {
        AssistanceRecorded recorded = (AssistanceRecorded) EventParser.parse(event(EventType.ASSISTANCE_RECORDED, 1, """
                {"id":"%s","memberId":"%s","countyCode":"620702","kind":"PAIRING","providedOn":"2015-07-01",
                 "helperId":"cadre-17","helperType":"CADRE"}""".formatted(ID, MEMBER)));

        assertThat(recorded.type()).isEqualTo(EventType.ASSISTANCE_RECORDED);
        assertThat(recorded.assistance()).isEqualTo(new Assistance(ID, MEMBER, "620702", Figure.PAIRING,
                LocalDate.of(2015, 7, 1), null, "cadre-17", "CADRE"));
    }

    @ParameterizedTest
    @CsvSource({ "DISBURSEMENT_PAID, PAID", "DISBURSEMENT_PAYMENT_FAILED, PAYMENT_FAILED" })
    void aPaymentsOutcomeIsTheDisbursementInItsNewStatus(EventType type, String status) {
        DisbursementChanged disbursement = (DisbursementChanged) EventParser.parse(event(type, 3, """
                {"id":"%s","memberId":"%s","fundId":"%s","countyCode":"620702","year":2015,"kind":"LIVING_SUBSIDY",
                 "amount":400.25,"disbursedOn":"2015-06-18","mechanism":null,"status":"%s","version":3,
                 "paymentBatchId":"%s","settledOn":"2015-07-02"}""".formatted(ID, MEMBER, UUID.randomUUID(), status,
                UUID.randomUUID())));

        assertThat(disbursement.state()).isEqualTo(new DisbursementState(ID, MEMBER, "620702",
                LocalDate.of(2015, 6, 1), "LIVING_SUBSIDY", new BigDecimal("400.25"), status, 3));
    }

    @Test
    void aDisbursementStatusReportingDoesNotKnowBreaksTheContract() {
        assertThatThrownBy(() -> EventParser.parse(event(EventType.DISBURSEMENT_PAID, 3,
                DISBURSEMENT_DATA.replace("\"APPROVED\"", "\"SETTLED\""))))
                .isInstanceOf(ContractViolation.class).hasMessageStartingWith("data.status 'SETTLED' is not one of");
    }

    @Test
    void aCycleIsReadAndCountsNothingOfItsOwn() {
        ReportingEvent approved = EventParser.parse(event(EventType.CYCLE_APPROVED, 4, """
                {"id":"%s","countyCode":"620722","year":2015,"kind":"LIVING_SUBSIDY","status":"APPROVED",
                 "entitled":212,"total":106000.00}""".formatted(ID)));

        assertThat(approved).isEqualTo(new Noted(EventType.CYCLE_APPROVED, ID, "620722"));
        assertThatThrownBy(() -> EventParser.parse(event(EventType.CYCLE_CREATED, 1, """
                {"countyCode":"620722"}"""))).isInstanceOf(ContractViolation.class);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "PAYMENT_BATCH_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyPaymentBatchTypeIsReadAndCountsNothingOfItsOwn(EventType type) {
        ReportingEvent batch = EventParser.parse(event(type, 2, """
                {"id":"%s","countyCode":"620722","status":"SENT","lines":2,"total":4500.00,"version":2}"""
                .formatted(ID)));

        assertThat(batch).isEqualTo(new Noted(type, ID, "620722"));
        assertThatThrownBy(() -> EventParser.parse(event(type, 1, """
                {"id":"%s"}""".formatted(ID)))).isInstanceOf(ContractViolation.class)
                .hasMessage("data.countyCode is required");
    }

    @ParameterizedTest
    @CsvSource({ "memberaid.member.promoted.v1", "memberaid.disbursement.paid.v2",
            "memberaid.payment-batch.archived.v1" })
    void anUnknownTypeBreaksTheContract(String type) {
        assertThatThrownBy(() -> EventParser.parse(event(type, 1, null, DISBURSEMENT_DATA)))
                .isInstanceOf(ContractViolation.class).hasMessage("unknown event type " + type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            MEMBER_REGISTERED      | {"registrationStatus":"ACTIVE","hardshipStatus":"IN_DIFFICULTY","effectiveOn":"2015-05-05"} | data.countyCode is required
            MEMBER_UPDATED         | {"countyCode":"620702","registrationStatus":"GONE","hardshipStatus":"IN_DIFFICULTY","effectiveOn":"2015-05-05"} | data.registrationStatus 'GONE' is not one of
            MEMBER_TRANSFERRED     | {"countyCode":620702,"registrationStatus":"ACTIVE","hardshipStatus":"IN_DIFFICULTY"} | data.countyCode must be a string
            MEMBER_DEREGISTERED    | {"countyCode":"620702","registrationStatus":"DECEASED","hardshipStatus":"IN_DIFFICULTY","effectiveOn":"5 May 2015"} | data.effectiveOn '5 May 2015' is not a yyyy-MM-dd date
            FUND_ALLOCATED         | {"id":"not-a-uuid","countyCode":"620702","year":2015,"kind":"STARTUP","budget":100} | id 'not-a-uuid' is not a UUID
            FUND_BUDGET_CHANGED    | {"id":"0190a1b2-0000-7000-8000-000000000003","countyCode":"620702","year":"2015","kind":"STARTUP","budget":100} | data.year must be an integer
            DISBURSEMENT_APPROVED  | {"id":"0190a1b2-0000-7000-8000-000000000003","memberId":"0190a1b2-0000-7000-8000-000000000002","countyCode":"620702","disbursedOn":"2015-06-18","kind":"HARDSHIP_RELIEF","amount":"1800","status":"APPROVED"} | data.amount must be a number
            DISBURSEMENT_REVERSED  | {"id":"0190a1b2-0000-7000-8000-000000000003","memberId":"0190a1b2-0000-7000-8000-000000000002","countyCode":"620702","disbursedOn":"2015-06-18","kind":"HARDSHIP_RELIEF","amount":18.001,"status":"REVERSED"} | data.amount must be a non-negative amount in fen precision
            ASSISTANCE_RECORDED    | {"id":"0190a1b2-0000-7000-8000-000000000003","memberId":"0190a1b2-0000-7000-8000-000000000002","countyCode":"620702","kind":"PAIRING","providedOn":"2015-07-01"} | a PAIRING needs data.helperId and data.helperType
            """)
    void dataThatBreaksItsTypesContractIsRefusedNamingTheField(EventType type, String data, String violation) {
        assertThatThrownBy(() -> EventParser.parse(event(type, 1, data)))
                .isInstanceOf(ContractViolation.class).hasMessageStartingWith(violation);
    }

    @Test
    void aMemberChangeWithNeitherABusinessDateNorATimeIsRefused() {
        assertThatThrownBy(() -> EventParser.parse(event(EventType.MEMBER_UPDATED, 2, "yesterday", """
                {"countyCode":"620702","registrationStatus":"ACTIVE","hardshipStatus":"LIFTED_OUT"}""")))
                .isInstanceOf(ContractViolation.class).hasMessage("neither data.effectiveOn nor a valid time");
    }

    private static CloudEvent event(EventType type, long sequence, String data) {
        return event(type, sequence, null, data);
    }

    private static CloudEvent event(EventType type, long sequence, String time, String data) {
        return event(type.cloudEventType(), sequence, time, data);
    }

    private static CloudEvent event(String type, long sequence, String time, String data) {
        try {
            return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), "/members-service", type,
                    SUBJECT.toString(), time, CloudEvent.JSON, sequence, null, JSON.readTree(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(data, e);
        }
    }
}
