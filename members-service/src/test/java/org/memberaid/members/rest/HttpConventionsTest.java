package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.testing.TestTokens;

/** The HTTP conventions of docs/http.md, as a client sees them on the registry. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HttpConventionsTest {

    private static final String REGION = "620000";
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @TestHTTPResource("/api/members")
    URL members;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", REGION, Role.REGISTRAR);
    }

    /** Answers as they come over the wire, not decoded by the client. */
    private static RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    @Test
    void compressesAPageOfMembersForAClientThatAcceptsItAndLeavesATinyAnswerAlone() throws IOException {
        String id = Members.register("620702");
        Members.register("620702");
        String plain = given().queryParam("size", 50).when().get("/api/members").then().statusCode(200)
                .extract().asString();
        assertThat(plain.getBytes(StandardCharsets.UTF_8).length).as("a page over the threshold").isGreaterThan(1024);

        Response gzip = raw().header("Accept-Encoding", "gzip").queryParam("size", 50).when().get("/api/members");
        gzip.then().statusCode(200).header("Content-Encoding", "gzip");
        assertThat(gzip.headers().getValues("Vary")).contains("Accept-Encoding");
        assertThat(gunzip(gzip.asByteArray())).isEqualTo(plain);

        Response brotli = raw().header("Accept-Encoding", "gzip, br").queryParam("size", 50).when().get("/api/members");
        brotli.then().statusCode(200).header("Content-Encoding", "br");
        assertThat(unbrotli(brotli.asByteArray())).isEqualTo(plain);

        raw().header("Accept-Encoding", "gzip").when().get("/api/members/" + id).then().statusCode(200)
                .header("Content-Encoding", nullValue());
        raw().when().get("/api/members").then().statusCode(200).header("Content-Encoding", nullValue());
    }

    @Test
    void answersAReadWhoseETagTheClientHasWith304UntilTheMemberChanges() {
        String id = Members.register("620702");
        String member = "/api/members/" + id;

        Response first = given().when().get(member);
        first.then().statusCode(200).header("ETag", "\"1\"").header("Cache-Control", "private, no-cache");
        assertThat(first.headers().getValues("Vary")).contains("Authorization");
        given().header("If-None-Match", "\"1\"").when().get(member).then().statusCode(304)
                .header("ETag", "\"1\"").header("Cache-Control", "private, no-cache").body(emptyString());
        given().header("If-None-Match", "\"0\", W/\"1\"").when().get(member).then().statusCode(304);

        Map<String, Object> change = Members.registration();
        change.remove("nationalId");
        change.remove("countyCode");
        change.put("annualIncome", 0);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).when().put(member)
                .then().statusCode(200).header("ETag", "\"2\"");
        given().header("If-None-Match", "\"1\"").when().get(member).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2));
    }

    @Test
    void followsEvery201LocationToTheResourceItCreated() {
        String location = Members.post(Members.registration()).statusCode(201).extract().header("Location");
        String id = given().when().get(location).then().statusCode(200).extract().path("id");

        Response assessed = given().contentType(ContentType.JSON)
                .body(Map.of("status", "IN_DIFFICULTY", "causes", List.of("ILLNESS"), "assessedOn", TODAY))
                .when().post("/api/members/" + id + "/hardship-assessments");
        assessed.then().statusCode(201).header("ETag", "\"1\"");
        String assessment = assessed.header("Location");
        assertThat(assessment).endsWith("/api/members/" + id + "/hardship-assessments/" + assessed.path("id"));
        given().when().get(assessment).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(assessed.path("id"))).body("status", equalTo("IN_DIFFICULTY"))
                .body("memberId", equalTo(id));
        TestTokens.as("auditor-1", REGION, Role.AUDITOR).when().get(assessment).then().statusCode(200);
        TestTokens.as("registrar-sunan", "620721", Role.REGISTRAR).when().get(assessment).then().statusCode(404);
        String stranger = Members.register("620702");
        given().when().get("/api/members/" + stranger + "/hardship-assessments/" + assessed.path("id")).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesAMethodTheRouteDoesNotHaveNamingTheOnesItHas() {
        String id = Members.register("620702");

        given().when().delete("/api/members/" + id).then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, PUT")
                .contentType("application/problem+json").body("status", equalTo(405));
        given().when().get("/api/members/" + id + "/transfer").then().statusCode(405).header("Allow", "OPTIONS, POST");
        given().when().get("/api/members/import").then().statusCode(405).header("Allow", "OPTIONS, POST");
        given().when().patch("/api/members").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, POST");
        given().when().delete("/api/regions").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void answersOptionsWithTheRoutesRealMethodsWithoutAToken() {
        String id = Members.register("620702");

        given().header("Authorization", "").when().options("/api/members").then().statusCode(204)
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        given().when().options("/api/members/" + id).then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, PUT");
        given().when().options("/api/members/" + id + "/hardship-assessments").then().statusCode(204)
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        given().when().options("/api/members/" + id + "/hardship-assessments/" + id).then().statusCode(204)
                .header("Allow", "GET, HEAD, OPTIONS");
        given().when().options("/api/members/" + id + "/deregistration").then().statusCode(204)
                .header("Allow", "OPTIONS, POST");
        given().when().options("/api/nothing-here").then().statusCode(404);
    }

    @Test
    void answersNoOriginWhileNoOriginsAreConfigured() {
        given().header("Authorization", "").header("Origin", "https://app.example.org")
                .header("Access-Control-Request-Method", "POST").when().options("/api/members").then()
                .statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void refusesABodyWithoutAContentTypeAndRegistersNothing() throws Exception {
        Map<String, Object> registration = Members.registration();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(registration);

        HttpResponse<String> untyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(members.toURI())
                .header("Authorization", TestTokens.bearer("registrar-1", REGION, Role.REGISTRAR))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(untyped.body()).contains("application/json");
        given().contentType("*/*").body(json.getBytes(StandardCharsets.UTF_8)).when().post("/api/members").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/json"));

        given().queryParam("q", registration.get("nationalId")).when().get("/api/members").then()
                .body("total", equalTo(0));
        given().contentType(ContentType.JSON).body(json).when().post("/api/members").then().statusCode(201);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String unbrotli(byte[] body) throws IOException {
        Brotli4jLoader.ensureAvailability();
        DirectDecompress decoded = Decoder.decompress(body);
        assertThat(decoded.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
        return new String(decoded.getDecompressedData(), StandardCharsets.UTF_8);
    }
}
