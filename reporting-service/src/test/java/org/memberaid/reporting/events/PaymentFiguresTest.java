package org.memberaid.reporting.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.memberaid.reporting.ReportApi.awaitCounty;
import static org.memberaid.reporting.ReportApi.county;
import static org.memberaid.reporting.ReportApi.months;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReliefEvents;
import org.memberaid.reporting.ReportApi;
import org.memberaid.reporting.projection.Projections;
import org.memberaid.testing.TestTokens;

/**
 * Payments through Kafka into the money figures: a paid disbursement stays approved and moves from
 * outstanding to paid, a failed payment's money leaves approved and outstanding and counts as failed,
 * and a duplicated or late event changes nothing. Payment batches' own events count nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PaymentFiguresTest {

    /** A year no other test pays in, so the city's and the months' figures are this test's alone. */
    private static final int YEAR = 2013;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Projections projections;

    private EventFixtures events;

    @BeforeEach
    void open() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
        events = new EventFixtures();
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void payingKeepsTheMoneyApprovedMovesItFromOutstandingToPaidAndCountsTheMemberPaidOnce() {
        String county = "629741";
        UUID member = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        sendFund(county, "10000.00");
        send(disbursement(first, member, "approved", "APPROVED", 2, county, "1200.00", "2013-04-08"));
        send(disbursement(second, member, "approved", "APPROVED", 2, county, "800.50", "2013-04-20"));
        awaitCounty(county, YEAR, year -> assertThat(year).containsEntry("fundsApproved", 2000.50f)
                .containsEntry("fundsOutstanding", 2000.50f).containsEntry("fundsPaid", 0.00f)
                .containsEntry("beneficiariesPaid", 0).containsEntry("fundUtilisation", 0.2001f));

        send(disbursement(first, member, "paid", "PAID", 3, county, "1200.00", "2013-04-08"));
        awaitCounty(county, YEAR, year -> assertThat(year).containsEntry("fundsApproved", 2000.50f)
                .containsEntry("fundsPaid", 1200.00f).containsEntry("fundsOutstanding", 800.50f)
                .containsEntry("beneficiariesPaid", 1));

        send(disbursement(second, member, "paid", "PAID", 3, county, "800.50", "2013-04-20"));
        Map<String, Object> paid = Map.ofEntries(Map.entry("fundsApproved", 2000.50f),
                Map.entry("fundsApprovedHardshipRelief", 2000.50f), Map.entry("fundUtilisation", 0.2001f),
                Map.entry("disbursements", 2), Map.entry("beneficiaries", 1), Map.entry("fundsPaid", 2000.50f),
                Map.entry("fundsOutstanding", 0.00f), Map.entry("fundsPaymentFailed", 0.00f),
                Map.entry("beneficiariesPaid", 1));
        awaitCounty(county, YEAR, year -> assertThat(year).containsAllEntriesOf(paid));

        // an approval delivered again, or late, is older than the payment; a payment delivered again is no newer
        send(disbursement(first, member, "approved", "APPROVED", 2, county, "1200.00", "2013-04-08"));
        send(disbursement(second, member, "paid", "PAID", 3, county, "800.50", "2013-04-20"));
        ReportApi.awaitCaughtUp();
        assertThat(county(county, YEAR)).containsAllEntriesOf(paid);
    }

    @Test
    void aFailedPaymentTakesTheMoneyOutOfApprovedAndOutstandingAndCountsItFailed() {
        String county = "629742";
        UUID member = UUID.randomUUID();
        UUID disbursement = UUID.randomUUID();
        sendFund(county, "10000.00");
        send(disbursement(disbursement, member, "approved", "APPROVED", 2, county, "300.00", "2013-06-01"));
        awaitCounty(county, YEAR, year -> assertThat(year).containsEntry("fundsApproved", 300.00f)
                .containsEntry("fundsOutstanding", 300.00f).containsEntry("beneficiaries", 1));

        send(disbursement(disbursement, member, "payment-failed", "PAYMENT_FAILED", 3, county, "300.00",
                "2013-06-01"));
        Map<String, Object> failed = Map.of("fundsApproved", 0.00f, "fundsOutstanding", 0.00f, "fundsPaid", 0.00f,
                "fundsPaymentFailed", 300.00f, "fundUtilisation", 0.0f, "disbursements", 0, "beneficiaries", 0,
                "beneficiariesPaid", 0);
        awaitCounty(county, YEAR, year -> assertThat(year).containsAllEntriesOf(failed));

        send(disbursement(disbursement, member, "approved", "APPROVED", 2, county, "300.00", "2013-06-01"));
        ReportApi.awaitCaughtUp();
        assertThat(county(county, YEAR)).containsAllEntriesOf(failed);
    }

    @Test
    void aPaymentThatOvertakesItsApprovalCountsTheMoneyOnce() {
        String county = "629743";
        UUID member = UUID.randomUUID();
        UUID disbursement = UUID.randomUUID();

        send(disbursement(disbursement, member, "paid", "PAID", 3, county, "450.00", "2013-02-14"));
        send(disbursement(disbursement, member, "requested", "REQUESTED", 1, county, "450.00", "2013-02-14"));
        send(disbursement(disbursement, member, "approved", "APPROVED", 2, county, "450.00", "2013-02-14"));
        ReportApi.awaitCaughtUp();

        assertThat(county(county, YEAR)).containsEntry("fundsApproved", 450.00f).containsEntry("fundsPaid", 450.00f)
                .containsEntry("fundsOutstanding", 0.00f).containsEntry("disbursements", 1)
                .containsEntry("beneficiariesPaid", 1);
    }

    @Test
    void rollsPaymentsUpToTheCityAndSplitsThemByTheMonthDisbursed() {
        UUID member = UUID.randomUUID();
        UUID inGanzhou = UUID.randomUUID();
        UUID inMinle = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        send(disbursement(inGanzhou, member, "paid", "PAID", 3, "620702", "1000.00", "2013-03-05"));
        send(disbursement(inMinle, member, "paid", "PAID", 3, "620722", "500.00", "2013-09-09"));
        send(disbursement(failed, UUID.randomUUID(), "payment-failed", "PAYMENT_FAILED", 3, "620722", "200.00",
                "2013-09-10"));
        UUID outstanding = UUID.randomUUID();
        send(disbursement(outstanding, UUID.randomUUID(), "approved", "APPROVED", 2, "620722", "300.00",
                "2013-09-11"));
        awaitCounty("620722", YEAR, year -> assertThat(year).containsEntry("fundsApproved", 800.00f)
                .containsEntry("fundsPaymentFailed", 200.00f));
        ReportApi.awaitCaughtUp();

        // summed over the counties the member paid would be 2: it is one member
        assertThat(ReportApi.region("620700", YEAR)).containsEntry("fundsApproved", 1800.00f)
                .containsEntry("fundsPaid", 1500.00f).containsEntry("fundsOutstanding", 300.00f)
                .containsEntry("fundsPaymentFailed", 200.00f).containsEntry("beneficiaries", 2)
                .containsEntry("beneficiariesPaid", 1);
        List<Map<String, Object>> months = months("620700", YEAR);
        assertThat(months).extracting(m -> m.get("fundsPaid")).containsExactly(0.00f, 0.00f, 1000.00f, 0.00f,
                0.00f, 0.00f, 0.00f, 0.00f, 500.00f, 0.00f, 0.00f, 0.00f);
        assertThat(months.get(8)).containsEntry("fundsOutstanding", 300.00f).containsEntry("fundsPaymentFailed",
                200.00f).containsEntry("beneficiariesPaid", 1);
    }

    @Test
    void readsAPaymentBatchsEventsWithoutCountingOrDeadLetteringThem() throws SQLException {
        String county = "629744";
        UUID batch = UUID.randomUUID();
        String[][] lifecycle = { { "created", "DRAFT" }, { "exported", "EXPORTED" }, { "sent", "SENT" },
                { "reconciled", "RECONCILED" }, { "cancelled", "CANCELLED" } };
        for (int i = 0; i < lifecycle.length; i++) {
            events.send("relief.events", batch.toString(), batch(batch, lifecycle[i][0], lifecycle[i][1], i + 1, county));
        }
        ReportApi.awaitCaughtUp();

        assertThat(MemberFiguresTest.deadLetterReasons(dataSource, projections.active(), batch.toString())).isEmpty();
        given().when().get("/api/reports/counties/" + county).then().statusCode(404);
    }

    private void send(String disbursement) {
        String member = disbursement.replaceFirst(".*\"memberId\":\"([^\"]+)\".*", "$1");
        events.send("relief.events", member, disbursement);
    }

    private void sendFund(String county, String budget) {
        UUID fund = UUID.randomUUID();
        events.send("relief.events", fund.toString(), ReliefEvents.fund(fund, county, YEAR, budget));
    }

    private static String disbursement(UUID id, UUID member, String type, String status, long version, String county,
            String amount, String disbursedOn) {
        return ReliefEvents.disbursement(id, member, type, status, version, county, "HARDSHIP_RELIEF", amount,
                disbursedOn);
    }

    private static String batch(UUID id, String type, String status, long version, String county) {
        return """
                {"specversion":"1.0","id":"%s","source":"/relief-service","type":"memberaid.payment-batch.%s.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","countyCode":"%s","status":"%s","lines":1,"total":1200.00,"paid":0,
                  "paidTotal":0.00,"failed":0,"failedTotal":0.00,"version":%d}}"""
                .formatted(UUID.randomUUID(), type, id, version, id, county, status, version).replace("\n", "");
    }
}
