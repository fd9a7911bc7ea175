package org.memberaid.reporting.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.memberaid.reporting.ReportApi.awaitCounty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReportApi;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RebuildTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
    }

    private static final List<String> REPORTS = List.of("/api/reports/counties?year=2015&size=500",
            "/api/reports/counties?year=2016&size=500", "/api/reports/regions/620000?year=2015",
            "/api/reports/monthly?regionCode=620700&year=2015", "/api/reports/monthly?regionCode=629611&year=2015",
            "/api/reports/counties/629611?year=2015", "/api/reports/counties?year=2015&format=csv");

    @Inject
    Projections projections;

    @Test
    void replaysBothTopicsIntoANewProjectionThatGivesTheSameFiguresAndSwitchesOver() {
        try (EventFixtures events = new EventFixtures()) {
            events.replay("member-lifecycle.json", Map.of("county", "629611", "county2", "620723"));
            events.replay("relief-year.json", Map.of("county", "629611"));
        }
        awaitCounty("629611", 2015, county -> assertThat(county).containsEntry("fundsApproved", 5400.00f)
                .containsEntry("newlyLiftedOut", 1));
        // every fixture event applied, not just the ones the figures above depend on
        ReportApi.awaitCaughtUp();
        String before = projections.active();
        List<String> live = reports();

        given().when().post("/api/admin/rebuild").then().statusCode(202).body("state", is("RUNNING"));
        given().when().post("/api/admin/rebuild").then().statusCode(409).contentType("application/problem+json");
        // reports stay readable while the new projection fills
        given().when().get("/api/reports/counties/629611?year=2015").then().statusCode(200);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().when().get("/api/admin/rebuild").then()
                .body("state", is("SWITCHED")));

        assertThat(projections.active()).isNotEqualTo(before);
        List<String> rebuilt = reports();
        for (int i = 0; i < REPORTS.size(); i++) {
            assertThat(rebuilt.get(i)).as(REPORTS.get(i)).isEqualTo(live.get(i));
        }
        given().when().get("/api/reports/freshness").then().statusCode(200).body("projection", is(projections.active()));
    }

    private static List<String> reports() {
        List<String> answers = new ArrayList<>();
        for (String report : REPORTS) {
            answers.add(given().when().get(report).then().statusCode(200).extract().asString());
        }
        return answers;
    }
}
