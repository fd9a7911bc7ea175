package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.members.NationalIds;
import org.memberaid.members.TopicProbe;
import org.memberaid.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MemberImportTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    private static final String HEADER = "nationalId,name,gender,ethnicity,phone,countyCode,township,village,partyBranch,"
            + "joinedPartyOn,education,laborCapacity,annualIncome,notableContribution,hardshipStatus,causes\n";

    private static String row(String nationalId, String county, String hardship, String causes) {
        return nationalId + ",\"李, 桂芳\",,汉族,,"  + county + ",甘浚镇,速展村,速展村党支部,1990-07-01,PRIMARY,PARTIAL,2400.00,"
                + "false," + hardship + "," + causes + "\n";
    }

    private static ValidatableResponse importCsv(String csv, boolean dryRun) {
        return given().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", dryRun)
                .when().post("/api/members/import").then();
    }

    @Test
    void importsTheValidRowsReportsTheRestAndImportsNothingTwice() {
        String first = NationalIds.next();
        String second = NationalIds.next();
        String wrongCheckDigit = NationalIds.next().substring(0, 17) + "Z";
        String csv = HEADER
                + row(first, "620702", "NOT_IN_DIFFICULTY", "")
                + row(second, "620721", "IN_DIFFICULTY", "OLD_AGE;ILLNESS")
                + row(wrongCheckDigit, "620702", "NOT_IN_DIFFICULTY", "")
                + row(NationalIds.next(), "620799", "IN_DIFFICULTY", "")
                + row(first, "620702", "NOT_IN_DIFFICULTY", "");

        importCsv(csv, false).statusCode(200)
                .body("received", equalTo(5))
                .body("imported", equalTo(2))
                .body("rejected.line", contains(4, 5, 6))
                .body("rejected[0].violations.field", contains("nationalId"))
                .body("rejected[1].violations.field", contains("countyCode", "causes"))
                .body("rejected[2].violations[0].message", equalTo("appears also on line 2 of this file"))
                .body("rejected[2].nationalId", equalTo(first.substring(0, 6) + "********" + first.substring(14)));

        given().queryParam("q", second).when().get("/api/members").then()
                .body("items[0].name", equalTo("李, 桂芳"))
                .body("items[0].hardshipStatus", equalTo("IN_DIFFICULTY"))
                .body("items[0].causes", contains("OLD_AGE", "ILLNESS"));

        importCsv(csv, false).statusCode(200)
                .body("imported", equalTo(0))
                .body("rejected.line", contains(2, 3, 4, 5, 6))
                .body("rejected[0].violations[0].message", startsWith("is already registered to member"));

        Set<String> keys = await().atMost(Duration.ofSeconds(60)).until(() -> registeredEventKeysFor(List.of(first, second)),
                found -> found.size() == 2);
        assertThat(keys).hasSize(2);
    }

    @Test
    void aDryRunValidatesAndRegistersNothing() {
        String nationalId = NationalIds.next();

        importCsv(HEADER + row(nationalId, "620723", "NOT_IN_DIFFICULTY", ""), true).statusCode(200)
                .body("dryRun", equalTo(true)).body("imported", equalTo(1)).body("rejected", empty());

        given().queryParam("q", nationalId).when().get("/api/members").then().body("total", equalTo(0));
    }

    @Test
    void importsACensusOfAnEarlierYearOnItsOwnRegistrationDates() {
        String dated = NationalIds.next();
        String undated = NationalIds.next();
        String future = NationalIds.next();
        String header = HEADER.replace("joinedPartyOn,", "joinedPartyOn,registeredOn,");
        String csv = header + datedRow(dated, "2015-06-30") + datedRow(undated, "") + datedRow(future, "2999-01-01");

        importCsv(csv, false).statusCode(200).body("imported", equalTo(2))
                .body("rejected.line", contains(4)).body("rejected[0].violations.field", contains("registeredOn"));

        given().queryParam("q", dated).when().get("/api/members").then().body("items[0].registeredOn", equalTo("2015-06-30"));
        given().queryParam("q", undated).when().get("/api/members").then()
                .body("items[0].registeredOn", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    }

    private static String datedRow(String nationalId, String registeredOn) {
        return row(nationalId, "620722", "NOT_IN_DIFFICULTY", "").replace(",1990-07-01,", ",1990-07-01," + registeredOn + ",");
    }

    @Test
    void refusesAFileWithUnknownOrMissingColumns() {
        importCsv("nationalId,name,favouriteColour\n620702197001010015,王,red\n", false).statusCode(400)
                .contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("header"));
    }

    private static Set<String> registeredEventKeysFor(List<String> nationalIds) {
        List<String> ids = nationalIds.stream()
                .map(n -> given().queryParam("q", n).when().get("/api/members").then().extract().<String>path("items[0].id"))
                .toList();
        return TopicProbe.readAll("members.events").stream().map(r -> r.key()).filter(ids::contains)
                .collect(Collectors.toSet());
    }

    @Test
    void refusesAFileOfMoreRowsThanTheCapWith413AndImportsNothing() {
        StringBuilder csv = new StringBuilder(HEADER);
        String first = NationalIds.next();
        csv.append(row(first, "620702", "NOT_IN_DIFFICULTY", ""));
        for (int i = 1; i <= 1000; i++) {
            // Rows are counted before they are read: they need not be valid to be too many.
            csv.append(row("row-" + i, "620702", "NOT_IN_DIFFICULTY", ""));
        }

        importCsv(csv.toString(), false).statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/import-too-large")).body("limit", equalTo(1000))
                .body("detail", containsString("this file has 1001"));
        given().queryParam("q", first).when().get("/api/members").then().body("total", equalTo(0));
    }

    @Test
    void refusesAJsonBodyLargerThan64KWith413() {
        Map<String, Object> body = Members.registration();
        body.put("name", "王".repeat(70_000));

        Members.post(body).statusCode(413).contentType("application/problem+json")
                .body("type", endsWith("/body-too-large")).body("limit", equalTo(65536));
        given().queryParam("q", body.get("nationalId")).when().get("/api/members").then().body("total", equalTo(0));
    }
}
