package org.memberaid.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReportApi;
import org.memberaid.testing.TestTokens;

/** The HTTP conventions of docs/http.md, as a dashboard or a BI tool sees them on the reports. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HttpConventionsTest {

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-gansu", "620000", Role.ANALYST);
        ReportApi.awaitCaughtUp();
    }

    @Test
    void compressesTheCountyReportForAClientThatAcceptsIt() throws IOException {
        String plain = given().when().get("/api/reports/counties").then().statusCode(200).extract().asString();
        assertThat(plain.getBytes(StandardCharsets.UTF_8).length).as("a page over the threshold").isGreaterThan(1024);

        Response gzip = given()
                .config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").when().get("/api/reports/counties");
        gzip.then().statusCode(200).header("Content-Encoding", "gzip");
        assertThat(gzip.headers().getValues("Vary")).contains("Accept-Encoding", "Accept, Authorization");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.asByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
    }

    @Test
    void answersAReportTheClientHasWith304UntilItsFiguresChange() {
        String county = "/api/reports/counties/620722?year=2015";
        Response first = given().when().get(county);
        String tag = first.header("ETag");
        first.then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", "private, max-age=5");
        for (String report : new String[] { "/api/reports/counties", "/api/reports/regions/620700",
                "/api/reports/monthly?regionCode=620700", county }) {
            String reportTag = given().when().get(report).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", reportTag).when().get(report).then().statusCode(304)
                    .header("ETag", reportTag).header("Cache-Control", "private, max-age=5").body(emptyString());
            given().header("If-None-Match", reportTag).queryParam("format", "csv").when().get(report).then()
                    .statusCode(200).header("ETag", not(reportTag));
        }

        try (EventFixtures events = new EventFixtures()) {
            events.replay("member-lifecycle.json", Map.of("county", "620722", "county2", "620722"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !tag.equals(given().when().get(county).header("ETag")));
        given().header("If-None-Match", tag).when().get(county).then().statusCode(200).header("ETag", not(tag));
    }

    @Test
    void servesCsvForExcelWithAByteOrderMarkAndAFileName() {
        byte[] plain = given().queryParam("format", "csv").when().get("/api/reports/counties").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"counties-" + THIS_YEAR + ".csv\"")
                .extract().asByteArray();
        byte[] marked = given().queryParam("format", "csv").queryParam("bom", true).when().get("/api/reports/counties")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();

        assertThat(plain).startsWith("county_code,".getBytes(StandardCharsets.UTF_8));
        assertThat(marked).startsWith(UTF8_BOM);
        assertThat(Arrays.copyOfRange(marked, UTF8_BOM.length, marked.length)).isEqualTo(plain);
        assertThat(new String(marked, StandardCharsets.UTF_8)).contains("甘州区");

        given().accept("text/csv").queryParam("year", 2015).queryParam("bom", "true").when()
                .get("/api/reports/counties/620721").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"county-620721-2015.csv\"");
        given().queryParam("format", "csv").when().get("/api/reports/regions/620700?year=2015").then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"region-620700-2015.csv\"");
        byte[] months = given().queryParam("format", "csv").queryParam("bom", true).when()
                .get("/api/reports/monthly?regionCode=620700&year=2015").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"monthly-620700-2015.csv\"")
                .extract().asByteArray();
        assertThat(months).startsWith(UTF8_BOM);
        given().queryParam("format", "csv").queryParam("bom", "yes").when().get("/api/reports/counties").then()
                .statusCode(400).body("violations[0].field", equalTo("bom"));
        given().when().get("/api/reports/counties").then().header("Content-Disposition", nullValue());
    }

    @Test
    void namesTheRoutesRealMethodsOnOptionsAnd405() {
        given().header("Authorization", "").when().options("/api/reports/counties").then().statusCode(204)
                .header("Allow", "GET, HEAD, OPTIONS");
        given().when().post("/api/reports/counties/620721").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS").contentType("application/problem+json");
        given().when().options("/api/admin/rebuild").then().header("Allow", "GET, HEAD, OPTIONS, POST");
        given().when().delete("/api/reports/freshness").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }
}
