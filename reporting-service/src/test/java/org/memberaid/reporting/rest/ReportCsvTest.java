package org.memberaid.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ReportCsvTest {

    private static List<Map<String, String>> parse(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    @Test
    void servesTheCountyReportAsCsvThatMatchesTheJson() throws Exception {
        List<Map<String, Object>> json = given().when().get("/api/reports/counties").then().statusCode(200)
                .extract().jsonPath().getList("$");
        String byAccept = given().accept("text/csv").when().get("/api/reports/counties").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String byParameter = given().queryParam("format", "csv").when().get("/api/reports/counties").then()
                .statusCode(200).contentType("text/csv").extract().asString();

        assertThat(byParameter).isEqualTo(byAccept);
        assertThat(byAccept).startsWith("county_code,name_zh,name_en,members_total,members_in_difficulty,poverty_rate,"
                + "members_lifted_out\r\n");
        List<Map<String, String>> csv = parse(byAccept);
        assertThat(csv).hasSameSizeAs(json);
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> expected = json.get(i);
            Map<String, String> actual = csv.get(i);
            assertThat(actual.get("county_code")).isEqualTo(expected.get("countyCode"));
            assertThat(actual.get("name_zh")).isEqualTo(expected.get("nameZh") == null ? "" : expected.get("nameZh"));
            assertThat(Long.parseLong(actual.get("members_total")))
                    .isEqualTo(((Number) expected.get("membersTotal")).longValue());
            assertThat(new BigDecimal(actual.get("poverty_rate")))
                    .isEqualByComparingTo(new BigDecimal(expected.get("povertyRate").toString()));
        }
        assertThat(csv).anySatisfy(row -> assertThat(row.get("name_zh")).isEqualTo("肃南裕固族自治县"));
    }

    @Test
    void servesARegionRollUpAsCsv() throws Exception {
        List<Map<String, String>> csv = parse(given().queryParam("format", "csv").when().get("/api/reports/regions/620000")
                .then().statusCode(200).extract().asString());

        assertThat(csv).singleElement().satisfies(row -> {
            assertThat(row.get("region_code")).isEqualTo("620000");
            assertThat(row.get("name_zh")).isEqualTo("甘肃省");
            assertThat(row.get("counties")).isEqualTo("6");
        });
    }
}
