package org.memberaid.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowingConsumer;

/** Reads the reports over HTTP, as officials and BI tools do. */
public final class ReportApi {

    private ReportApi() {
    }

    public static Map<String, Object> county(String code, int year) {
        return given().queryParam("year", year).when().get("/api/reports/counties/" + code).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    public static Map<String, Object> region(String code, int year) {
        return given().queryParam("year", year).when().get("/api/reports/regions/" + code).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    public static List<Map<String, Object>> months(String code, int year) {
        return given().queryParam("regionCode", code).queryParam("year", year).when().get("/api/reports/monthly")
                .then().statusCode(200).extract().jsonPath().getList("months");
    }

    public static List<Map<String, Object>> counties(int year) {
        return given().queryParam("year", year).queryParam("size", 500).when().get("/api/reports/counties").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until every event on the topics is applied (the freshness lag is 0), so two reads see the same data. */
    public static void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var freshness = given().when().get("/api/reports/freshness");
            Object lag = freshness.statusCode() == 200 ? freshness.jsonPath().get("lag") : null;
            return lag instanceof Number number && number.longValue() == 0;
        });
    }

    /** Waits until a county's report satisfies the assertions (the events travel through Kafka). */
    public static void awaitCounty(String code, int year, ThrowingConsumer<Map<String, Object>> assertions) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var answer = given().queryParam("year", year).when().get("/api/reports/counties/" + code);
            if (answer.statusCode() != 200) {
                throw new AssertionError("county " + code + " not reported yet: " + answer.statusCode());
            }
            assertions.accept(answer.jsonPath().getMap("$"));
        });
    }
}
