package org.memberaid.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.memberaid.testing.TestTokens.as;
import static org.memberaid.testing.TestTokens.withToken;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.ReportApi;
import org.memberaid.testing.TestTokens;

/**
 * Who may read the reports: a valid token is required; analysts, admins and auditors read, other
 * roles do not; counties and regions outside the caller's region do not exist for them; only an
 * admin rebuilds, and every rebuild attempt is audited.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReportAccessTest {

    /** On the management interface, not beside the API. */
    @TestHTTPResource(value = "/health/live", management = true)
    URL liveness;

    private static final String GANZHOU = "620702";
    private static final String SUNAN = "620721";
    private static final String ZHANGYE = "620700";
    private static final String GANSU = "620000";
    private static final List<String> ZHANGYE_COUNTIES = List.of("620702", "620721", "620722", "620723", "620724",
            "620725");

    private static boolean ready;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-gansu", GANSU, Role.ANALYST);
        if (!ready) {
            ReportApi.awaitCaughtUp();
            ready = true;
        }
    }

    private static RequestSpecification analyst(String region) {
        return as("analyst-" + region, region, Role.ANALYST);
    }

    @Test
    void refusesAReportWithoutAValidTokenAsProblemJson() {
        for (String report : List.of("/api/reports/counties/620702", "/api/reports/counties?format=csv",
                "/api/reports/freshness")) {
            for (RequestSpecification request : TestTokens.unauthenticated("analyst-1", GANZHOU, Role.ANALYST)) {
                request.when().get(report).then().statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("status", equalTo(401));
            }
        }
        given().header("Authorization", "").when().get(liveness).then().statusCode(200);
    }

    @Test
    void letsAnalystsAdminsAndAuditorsReadTheReportsAndNoOtherRole() {
        for (String role : List.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR)) {
            as(role + "-1", GANSU, role).when().get("/api/reports/counties").then().statusCode(200);
            as(role + "-1", GANSU, role).queryParam("format", "csv").when().get("/api/reports/counties").then()
                    .statusCode(200);
            as(role + "-1", GANSU, role).when().get("/api/reports/freshness").then().statusCode(200);
        }
        for (String role : List.of(Role.REGISTRAR, Role.CASEWORKER, Role.APPROVER)) {
            for (String report : List.of("/api/reports/counties", "/api/reports/counties?format=csv",
                    "/api/reports/counties/620702", "/api/reports/regions/620700",
                    "/api/reports/monthly?regionCode=620702", "/api/reports/freshness")) {
                as(role + "-1", GANZHOU, role).when().get(report).then().statusCode(403)
                        .contentType("application/problem+json").body("status", equalTo(403));
            }
        }
        // A token without a region claim reads nothing.
        withToken(TestTokens.withoutRegion("analyst-1", Role.ANALYST)).when().get("/api/reports/counties").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void answersACountyOutsideTheCallersRegionAsIfItDidNotExist() {
        analyst(GANZHOU).when().get("/api/reports/counties/" + GANZHOU).then().statusCode(200)
                .body("countyCode", is(GANZHOU));
        analyst(GANZHOU).when().get("/api/reports/counties/" + SUNAN).then().statusCode(404)
                .contentType("application/problem+json");
        analyst(GANZHOU).queryParam("format", "csv").when().get("/api/reports/counties/" + SUNAN).then()
                .statusCode(404);
        analyst(GANZHOU).queryParam("regionCode", SUNAN).when().get("/api/reports/monthly").then().statusCode(404);
        analyst(GANZHOU).queryParam("regionCode", GANZHOU).when().get("/api/reports/monthly").then().statusCode(200);
        analyst(ZHANGYE).when().get("/api/reports/counties/" + SUNAN).then().statusCode(200);
    }

    @Test
    void listsOnlyTheCountiesInsideTheCallersRegion() {
        analyst(GANZHOU).queryParam("size", 500).when().get("/api/reports/counties").then().statusCode(200)
                .body("total", equalTo(1)).body("items.countyCode", equalTo(List.of(GANZHOU)));
        analyst(ZHANGYE).queryParam("size", 500).when().get("/api/reports/counties").then().statusCode(200)
                .body("items.countyCode", everyItem(startsWith("6207")))
                .body("items.countyCode", hasItems(ZHANGYE_COUNTIES.toArray()))
                .body("total", equalTo(ZHANGYE_COUNTIES.size()));
        // the province's page is another rendering of the same table, not the county's one
        analyst(GANSU).queryParam("size", 500).when().get("/api/reports/counties").then().statusCode(200)
                .body("items.countyCode", hasItems(ZHANGYE_COUNTIES.toArray()));

        List<String> csv = csvLines(analyst(GANZHOU));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith(GANZHOU + ",");
        assertThat(csvLines(analyst(ZHANGYE)).subList(1, ZHANGYE_COUNTIES.size() + 1))
                .allSatisfy(line -> assertThat(line).startsWith("6207"))
                .hasSize(ZHANGYE_COUNTIES.size());
        assertThat(csvLines(analyst(ZHANGYE))).hasSize(ZHANGYE_COUNTIES.size() + 1);
    }

    @Test
    void answersARegionTheCallersRegionDoesNotCoverAsIfItDidNotExist() {
        analyst(GANZHOU).when().get("/api/reports/regions/" + ZHANGYE).then().statusCode(404)
                .contentType("application/problem+json");
        analyst(GANZHOU).queryParam("regionCode", ZHANGYE).when().get("/api/reports/monthly").then().statusCode(404);
        analyst(ZHANGYE).when().get("/api/reports/regions/" + ZHANGYE).then().statusCode(200)
                .body("counties", equalTo(ZHANGYE_COUNTIES.size()));
        analyst(ZHANGYE).when().get("/api/reports/regions/" + GANSU).then().statusCode(404);
        analyst(ZHANGYE).queryParam("format", "csv").when().get("/api/reports/regions/" + GANSU).then()
                .statusCode(404);
        analyst(ZHANGYE).queryParam("regionCode", GANSU).when().get("/api/reports/monthly").then().statusCode(404);
        analyst(GANSU).when().get("/api/reports/regions/" + ZHANGYE).then().statusCode(200);
        analyst(GANSU).when().get("/api/reports/regions/" + GANSU).then().statusCode(200);
    }

    @Test
    void letsOnlyAnAdminRebuildAndAuditsEveryAttempt() {
        analyst(ZHANGYE).when().post("/api/admin/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        as("auditor-1", GANSU, Role.AUDITOR).when().post("/api/admin/rebuild").then().statusCode(403);
        as("admin-gansu", GANSU, Role.ADMIN).when().post("/api/admin/rebuild").then().statusCode(202);
        // Let the rebuild finish, so that no later test finds one running.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> as("admin-gansu", GANSU, Role.ADMIN)
                .when().get("/api/admin/rebuild").then().body("state", is("SWITCHED")));

        auditor().queryParam("actor", "admin-gansu").queryParam("action", "POST /api/admin/rebuild").when()
                .get("/api/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("POST /api/admin/rebuild"))
                .body("items[0].roles", equalTo(Role.ADMIN))
                .body("items[0].region", equalTo(GANSU))
                .body("items[0].outcome", equalTo(202));
        auditor().queryParam("actor", "analyst-" + ZHANGYE).queryParam("action", "POST /api/admin/rebuild").when()
                .get("/api/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].region", equalTo(ZHANGYE))
                .body("items[0].outcome", equalTo(403));
        // reads are not audit lines
        auditor().queryParam("actor", "analyst-" + ZHANGYE).queryParam("action", "GET").when().get("/api/audit")
                .then().statusCode(200).body("total", equalTo(0));
        analyst(GANSU).when().get("/api/audit").then().statusCode(403);
    }

    private static RequestSpecification auditor() {
        return as("auditor-gansu", GANSU, Role.AUDITOR);
    }

    private static List<String> csvLines(RequestSpecification request) {
        String csv = request.queryParam("format", "csv").queryParam("year", 2015).when().get("/api/reports/counties")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        return Arrays.stream(csv.split("\r\n")).filter(line -> !line.isEmpty()).toList();
    }
}
