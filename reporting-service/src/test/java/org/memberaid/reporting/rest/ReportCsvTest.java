package org.memberaid.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.memberaid.reporting.ReportApi.awaitCounty;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReportApi;
import org.memberaid.testing.TestTokens;

/** Every report as CSV, parsed with a CSV parser and compared, cell by cell, with the same report as JSON. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReportCsvTest {

    private static boolean replayed;

    /** Signs in before reading: JUnit does not promise an order between two @BeforeEach methods. */
    @BeforeEach
    void someFigures() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
        if (replayed) {
            return;
        }
        replayed = true;
        try (EventFixtures events = new EventFixtures()) {
            events.replay("relief-year.json", Map.of("county", "620721"));
            events.replay("member-lifecycle.json", Map.of("county", "620721", "county2", "620725"));
        }
        awaitCounty("620721", 2015, county -> assertThat((Float) county.get("fundsApproved")).isPositive());
        awaitCounty("620725", 2015, county -> assertThat((Integer) county.get("membersLiftedOut")).isPositive());
        ReportApi.awaitCaughtUp();
    }

    @Test
    void servesTheCountyReportAsCsvThatMatchesTheJson() throws Exception {
        Response json = given().queryParam("year", 2015).queryParam("size", 500).when().get("/api/reports/counties");
        String byAccept = given().accept("text/csv").queryParam("year", 2015).when().get("/api/reports/counties")
                .then().statusCode(200).contentType("text/csv").header(ReportResource.AS_OF, json.header(ReportResource.AS_OF))
                .extract().asString();
        String byParameter = given().queryParam("format", "csv").queryParam("year", 2015).when()
                .get("/api/reports/counties").then().statusCode(200).contentType("text/csv").extract().asString();

        assertThat(byParameter).isEqualTo(byAccept);
        assertThat(byAccept).startsWith("county_code,name_zh,name_en,year,members_total,members_in_difficulty,"
                + "poverty_rate,members_lifted_out,newly_in_difficulty,newly_lifted_out,funds_budgeted,");
        List<Map<String, Object>> items = json.then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, String>> csv = parse(byAccept);
        assertThat(json.jsonPath().getInt("total")).isEqualTo(csv.size());
        assertSameRows(csv, items);
        assertThat(byAccept.lines().findFirst().orElseThrow()).endsWith(",helpers_cadre,helpers_business_leader,"
                + "funds_paid,funds_payment_failed,funds_outstanding,beneficiaries_paid,beneficiaries_hardship_relief,"
                + "beneficiaries_living_subsidy,beneficiaries_startup_support,beneficiaries_holiday_visit,"
                + "members_medical_or_education_assisted");
        assertThat(csv).anySatisfy(row -> assertThat(row).containsEntry("name_zh", "肃南裕固族自治县")
                .containsEntry("funds_approved", "5400.00").containsEntry("fund_utilisation", "0.0060")
                .containsEntry("funds_paid", "3000.00").containsEntry("funds_payment_failed", "1500.00")
                .containsEntry("funds_outstanding", "2400.00").containsEntry("beneficiaries_paid", "1")
                .containsEntry("beneficiaries_hardship_relief", "1").containsEntry("beneficiaries_living_subsidy", "1")
                .containsEntry("beneficiaries_startup_support", "0").containsEntry("beneficiaries_holiday_visit", "0")
                .containsEntry("members_medical_or_education_assisted", "2"));
    }

    @Test
    void servesOneCountyARegionAndTheMonthsAsCsvThatMatchTheJson() throws Exception {
        assertSameRows(csv("/api/reports/counties/620721?year=2015"),
                List.of(withoutAsOf(given().when().get("/api/reports/counties/620721?year=2015").jsonPath().getMap("$"))));
        List<Map<String, String>> region = csv("/api/reports/regions/620000?year=2015");
        assertSameRows(region,
                List.of(withoutAsOf(given().when().get("/api/reports/regions/620000?year=2015").jsonPath().getMap("$"))));
        assertThat(region).singleElement().satisfies(row -> assertThat(row).containsEntry("name_zh", "甘肃省")
                .containsEntry("counties", "6"));

        Map<String, Object> monthly = given().when().get("/api/reports/monthly?regionCode=620700&year=2015").jsonPath()
                .getMap("$");
        List<Map<String, String>> months = csv("/api/reports/monthly?regionCode=620700&year=2015");
        assertThat(months).hasSize(12).allSatisfy(row -> assertThat(row).containsEntry("region_code", "620700")
                .containsEntry("year", "2015"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> monthRows = (List<Map<String, Object>>) monthly.get("months");
        assertSameRows(months, monthRows);
    }

    @Test
    void refusesABadParameterNamingIt() {
        given().queryParam("year", "twenty").when().get("/api/reports/counties").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.is("year"));
        given().queryParam("size", 501).when().get("/api/reports/counties").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.is("size"));
        given().when().get("/api/reports/monthly?year=2015").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.is("regionCode"));
    }

    private static List<Map<String, String>> csv(String path) throws Exception {
        return parse(given().queryParam("format", "csv").when().get(path).then().statusCode(200)
                .contentType("text/csv").extract().asString());
    }

    private static Map<String, Object> withoutAsOf(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
        copy.remove("asOf");
        return copy;
    }

    /** Every JSON field has its snake_case column with the same value (null: an empty cell). */
    private static void assertSameRows(List<Map<String, String>> csv, List<Map<String, Object>> json) {
        assertThat(csv).hasSameSizeAs(json);
        for (int i = 0; i < json.size(); i++) {
            Map<String, String> actual = csv.get(i);
            json.get(i).forEach((field, value) -> {
                String column = CsvReports.snakeCase(field);
                assertThat(actual).as("column %s", column).containsKey(column);
                String cell = actual.get(column);
                if (value == null) {
                    assertThat(cell).as(column).isEmpty();
                } else if (value instanceof Number) {
                    assertThat(new BigDecimal(cell)).as(column).isEqualByComparingTo(new BigDecimal(value.toString()));
                } else {
                    assertThat(cell).as(column).isEqualTo(value.toString());
                }
            });
        }
    }

    private static List<Map<String, String>> parse(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
