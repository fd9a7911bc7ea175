package org.memberaid.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberaid.reporting.ReportApi.awaitCounty;
import static org.memberaid.reporting.ReportApi.county;
import static org.memberaid.reporting.ReportApi.months;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
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
import org.memberaid.testing.TestTokens;

/**
 * relief.events through Kafka into the money and assistance figures. The fixture's year: two
 * funds (800,000 after a raise, and 100,000), six disbursements of 2015 (two approved hardship
 * reliefs of one member, the first of them then paid, a startup support approved then reversed, a
 * living subsidy whose approval arrives before its request, a rejected holiday visit, a hardship
 * relief approved whose payment failed) and one approved in 2016, a payment batch's events, and
 * twelve assistance records.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReliefFiguresTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
    }

    private EventFixtures events;

    @BeforeEach
    void open() {
        events = new EventFixtures();
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void sumsTheYearsMoneyCountingApprovedAndPaidDisbursementsNeitherReversedNorFailed() {
        events.replay("relief-year.json", Map.of("county", "629711"));

        awaitCounty("629711", 2015, year -> assertThat(year)
                .containsEntry("fundsBudgeted", 900000.00f)
                .containsEntry("fundsBudgetedSpecialRelief", 800000.00f)
                .containsEntry("fundsBudgetedStartup", 100000.00f)
                .containsEntry("fundsApproved", 5400.00f)
                .containsEntry("fundsApprovedHardshipRelief", 5000.00f)
                .containsEntry("fundsApprovedLivingSubsidy", 400.00f)
                .containsEntry("fundsApprovedStartupSupport", 0.00f)
                .containsEntry("fundsApprovedHolidayVisit", 0.00f)
                .containsEntry("fundUtilisation", 0.006f)
                .containsEntry("disbursements", 3)
                .containsEntry("disbursementsHardshipRelief", 2)
                .containsEntry("disbursementsLivingSubsidy", 1)
                .containsEntry("disbursementsStartupSupport", 0)
                .containsEntry("disbursementsHolidayVisit", 0)
                .containsEntry("beneficiaries", 2)
                .containsEntry("trainingPersonTimes", 2)
                .containsEntry("jobPlacements", 3)
                .containsEntry("distinctEmployers", 2)
                .containsEntry("minimumLivingAllowanceEnrolments", 1)
                .containsEntry("medicalAssistanceEnrolments", 1)
                .containsEntry("educationAssistanceEnrolments", 1)
                .containsEntry("projectRecommendations", 1)
                .containsEntry("pairings", 3)
                .containsEntry("membersPaired", 2)
                .containsEntry("helpersCadre", 1)
                .containsEntry("helpersBusinessLeader", 1)
                .containsEntry("fundsPaid", 3000.00f)
                .containsEntry("fundsPaymentFailed", 1500.00f)
                .containsEntry("fundsOutstanding", 2400.00f)
                .containsEntry("beneficiariesPaid", 1)
                .containsEntry("beneficiariesHardshipRelief", 1)
                .containsEntry("beneficiariesLivingSubsidy", 1)
                .containsEntry("beneficiariesStartupSupport", 0)
                .containsEntry("beneficiariesHolidayVisit", 0)
                .containsEntry("membersMedicalOrEducationAssisted", 2));
        // the 2016 disbursement is another member's, on another partition
        ReportApi.awaitCaughtUp();
        assertThat(county("629711", 2016)).containsEntry("fundsApproved", 1000.00f).containsEntry("beneficiaries", 1)
                .containsEntry("fundsBudgeted", 0.00f).containsEntry("fundUtilisation", null)
                .containsEntry("pairings", 0);
    }

    @Test
    void splitsTheYearByMonthOfDisbursementAndOfAssistance() {
        events.replay("relief-year.json", Map.of("county", "629721"));
        awaitCounty("629721", 2015, year -> assertThat(year).containsEntry("fundsApproved", 5400.00f)
                .containsEntry("pairings", 3).containsEntry("projectRecommendations", 1));
        ReportApi.awaitCaughtUp();

        List<Map<String, Object>> months = months("629721", 2015);

        assertThat(months).extracting(m -> m.get("fundsApproved")).containsExactly(0.00f, 0.00f, 3000.00f, 2000.00f,
                0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 400.00f);
        assertThat(months).extracting(m -> m.get("beneficiaries")).containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(months).extracting(m -> m.get("fundsPaid")).containsExactly(0.00f, 0.00f, 3000.00f, 0.00f,
                0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f);
        assertThat(months).extracting(m -> m.get("fundsOutstanding")).containsExactly(0.00f, 0.00f, 0.00f, 2000.00f,
                0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 400.00f);
        assertThat(months).extracting(m -> m.get("fundsPaymentFailed")).containsExactly(0.00f, 0.00f, 0.00f, 0.00f,
                1500.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f, 0.00f);
        assertThat(months).extracting(m -> m.get("pairings")).containsExactly(0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(months).extracting(m -> m.get("jobPlacements")).containsExactly(0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0);
        assertThat(months).extracting(m -> m.get("distinctEmployers")).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0);
        assertThat(months).allSatisfy(m -> assertThat(m).containsEntry("fundsBudgeted", 900000.00f));
        assertThat(months.get(2)).containsEntry("fundUtilisation", 0.0033f);
    }

    @Test
    void takesAReversedDisbursementsMoneyBackOut() {
        UUID member = UUID.randomUUID();
        UUID disbursement = UUID.randomUUID();
        events.send("relief.events", member.toString(), disbursement(disbursement, member, "approved", 2, "629731"));
        awaitCounty("629731", 2015, year -> assertThat(year).containsEntry("fundsApprovedStartupSupport", 8000.00f)
                .containsEntry("beneficiaries", 1));

        events.send("relief.events", member.toString(), disbursement(disbursement, member, "reversed", 3, "629731"));
        awaitCounty("629731", 2015, year -> assertThat(year).containsEntry("fundsApprovedStartupSupport", 0.00f)
                .containsEntry("disbursementsStartupSupport", 0).containsEntry("beneficiaries", 0));

        // the approval delivered again, or late, is older than the reversal and changes nothing
        events.send("relief.events", member.toString(), disbursement(disbursement, member, "approved", 2, "629731"));
        UUID marker = UUID.randomUUID();
        events.send("relief.events", marker.toString(), disbursement(UUID.randomUUID(), marker, "approved", 2, "629732"));
        awaitCounty("629732", 2015, year -> assertThat(year).containsEntry("beneficiaries", 1));
        ReportApi.awaitCaughtUp();
        assertThat(county("629731", 2015)).containsEntry("fundsApprovedStartupSupport", 0.00f);
    }

    @Test
    void countsAMemberPairedInTwoCountiesOfTheCityOnceInTheCity() {
        UUID member = UUID.randomUUID();
        events.send("relief.events", member.toString(), pairing(member, "620722", "cadre-9"));
        events.send("relief.events", member.toString(), pairing(member, "620724", "cadre-9"));
        awaitCounty("620724", 2014, year -> assertThat(year).containsEntry("membersPaired", 1));
        assertThat(county("620722", 2014)).containsEntry("membersPaired", 1).containsEntry("helpersCadre", 1);

        Map<String, Object> city = ReportApi.region("620700", 2014);

        // summed over the counties it would be 2; the member and the helper are one each
        assertThat(city).containsEntry("pairings", 2).containsEntry("membersPaired", 1).containsEntry("helpersCadre", 1);
    }

    private static String pairing(UUID member, String county, String helper) {
        return """
                {"specversion":"1.0","id":"%s","source":"/relief-service","type":"memberaid.assistance.recorded.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":1,
                 "data":{"id":"%s","memberId":"%s","countyCode":"%s","kind":"PAIRING","providedOn":"2014-06-01",
                  "helperId":"%s","helperType":"CADRE"}}"""
                .formatted(UUID.randomUUID(), member, UUID.randomUUID(), member, county, helper).replace("\n", "");
    }

    private static String disbursement(UUID id, UUID member, String type, long version, String county) {
        return ReliefEvents.disbursement(id, member, type, type.toUpperCase(java.util.Locale.ROOT), version, county,
                "STARTUP_SUPPORT", "8000.00", "2015-10-20");
    }
}
