package org.memberaid.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberaid.reporting.ReportApi.awaitCounty;
import static org.memberaid.reporting.ReportApi.county;
import static org.memberaid.reporting.ReportApi.months;
import static org.memberaid.reporting.ReliefEvents.assistance;

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
 * Beneficiaries per disbursement kind and members given medical or education assistance, through
 * Kafka into the county, city and monthly reports: each counts a member once, a reversal or a failed
 * payment takes a member out of a kind only when it was their only disbursement of it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BeneficiaryFiguresTest {

    /** A year no other test disburses or assists in, so the city's and the months' figures are this test's alone. */
    private static final int YEAR = 2012;

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
    void countsEachMemberOnceInEveryKindTheyBenefitFromUntilAReversalOrAFailedPaymentTakesTheirOnlyOneBack() {
        String county = "629751";
        UUID twice = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID visited = UUID.randomUUID();
        UUID firstRelief = UUID.randomUUID();
        UUID subsidy = UUID.randomUUID();
        UUID startup = UUID.randomUUID();
        send(twice, disbursement(firstRelief, twice, "approved", 2, county, "HARDSHIP_RELIEF", "2012-03-01"));
        send(twice, disbursement(UUID.randomUUID(), twice, "paid", 3, county, "HARDSHIP_RELIEF", "2012-05-01"));
        send(twice, disbursement(subsidy, twice, "approved", 2, county, "LIVING_SUBSIDY", "2012-06-01"));
        send(failed, disbursement(startup, failed, "approved", 2, county, "STARTUP_SUPPORT", "2012-07-01"));
        send(failed, disbursement(UUID.randomUUID(), failed, "approved", 2, county, "HARDSHIP_RELIEF", "2012-07-02"));
        send(visited, disbursement(UUID.randomUUID(), visited, "approved", 2, county, "HOLIDAY_VISIT", "2012-01-20"));
        awaitCounty(county, YEAR, year -> assertThat(year).containsAllEntriesOf(Map.of("beneficiaries", 3,
                "beneficiariesHardshipRelief", 2, "beneficiariesLivingSubsidy", 1, "beneficiariesStartupSupport", 1,
                "beneficiariesHolidayVisit", 1, "disbursementsHardshipRelief", 3)));

        send(twice, disbursement(firstRelief, twice, "reversed", 3, county, "HARDSHIP_RELIEF", "2012-03-01"));
        send(twice, disbursement(subsidy, twice, "reversed", 3, county, "LIVING_SUBSIDY", "2012-06-01"));
        send(failed, disbursement(startup, failed, "payment-failed", 3, county, "STARTUP_SUPPORT", "2012-07-01"));

        // the member still has a paid hardship relief; the subsidy and the startup support were their only ones
        awaitCounty(county, YEAR, year -> assertThat(year).containsAllEntriesOf(Map.of("beneficiaries", 3,
                "beneficiariesHardshipRelief", 2, "beneficiariesLivingSubsidy", 0, "beneficiariesStartupSupport", 0,
                "beneficiariesHolidayVisit", 1, "disbursementsHardshipRelief", 2)));
    }

    @Test
    void countsAMemberGivenMedicalAndEducationAssistanceOnce() {
        String county = "629752";
        UUID both = UUID.randomUUID();
        UUID schooled = UUID.randomUUID();
        UUID trained = UUID.randomUUID();
        send(both, assistance(both, county, "MEDICAL_ASSISTANCE", "2012-02-01"));
        send(both, assistance(both, county, "EDUCATION_ASSISTANCE", "2012-09-01"));
        send(schooled, assistance(schooled, county, "EDUCATION_ASSISTANCE", "2012-09-03"));
        send(trained, assistance(trained, county, "SKILLS_TRAINING", "2012-04-01"));

        awaitCounty(county, YEAR, year -> assertThat(year).containsAllEntriesOf(Map.of(
                "medicalAssistanceEnrolments", 1, "educationAssistanceEnrolments", 2, "trainingPersonTimes", 1,
                "membersMedicalOrEducationAssisted", 2)));
    }

    @Test
    void countsAMemberHelpedInTwoCountiesOfTheCityOnceInTheCityAndInEachMonthTheyWereHelpedIn() {
        UUID member = UUID.randomUUID();
        send(member, disbursement(UUID.randomUUID(), member, "approved", 2, "620702", "HARDSHIP_RELIEF", "2012-03-05"));
        send(member, disbursement(UUID.randomUUID(), member, "paid", 3, "620722", "HARDSHIP_RELIEF", "2012-09-09"));
        send(member, assistance(member, "620702", "MEDICAL_ASSISTANCE", "2012-03-10"));
        send(member, assistance(member, "620722", "EDUCATION_ASSISTANCE", "2012-09-12"));
        awaitCounty("620722", YEAR, year -> assertThat(year).containsEntry("beneficiariesHardshipRelief", 1)
                .containsEntry("membersMedicalOrEducationAssisted", 1));
        ReportApi.awaitCaughtUp();
        assertThat(county("620702", YEAR)).containsEntry("beneficiariesHardshipRelief", 1)
                .containsEntry("membersMedicalOrEducationAssisted", 1);

        // summed over the counties each would be 2: it is one member
        Map<String, Object> expected = Map.of("disbursementsHardshipRelief", 2, "beneficiariesHardshipRelief", 1,
                "beneficiariesLivingSubsidy", 0, "medicalAssistanceEnrolments", 1, "educationAssistanceEnrolments", 1,
                "membersMedicalOrEducationAssisted", 1);
        assertThat(ReportApi.region("620700", YEAR)).containsAllEntriesOf(expected);
        assertThat(ReportApi.region("620000", YEAR)).containsAllEntriesOf(expected);
        List<Map<String, Object>> months = months("620700", YEAR);
        assertThat(months).extracting(m -> m.get("beneficiariesHardshipRelief")).containsExactly(0, 0, 1, 0, 0, 0, 0,
                0, 1, 0, 0, 0);
        assertThat(months).extracting(m -> m.get("membersMedicalOrEducationAssisted")).containsExactly(0, 0, 1, 0, 0,
                0, 0, 0, 1, 0, 0, 0);
    }

    private void send(UUID member, String event) {
        events.send("relief.events", member.toString(), event);
    }

    private static String disbursement(UUID id, UUID member, String type, long version, String county, String kind,
            String disbursedOn) {
        return ReliefEvents.disbursement(id, member, type, type.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                version, county, kind, "500.00", disbursedOn);
    }
}
