package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
class MemberRegistrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    @Test
    void registersAMemberWithLocationAndETagDerivingBirthDateAndGender() {
        String nationalId = NationalIds.next();
        Map<String, Object> body = Members.registration(nationalId);
        body.put("name", "  王秀英 ");

        String location = Members.post(body).statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("王秀英"))
                .body("birthDate", equalTo("1970-01-01"))
                .body("gender", equalTo(Integer.parseInt(nationalId.substring(16, 17)) % 2 == 1 ? "MALE" : "FEMALE"))
                .body("annualIncome", equalTo(18000.0f))
                .body("nationalId", equalTo(nationalId.substring(0, 6) + "********" + nationalId.substring(14)))
                .body("registrationStatus", equalTo("ACTIVE"))
                .body("hardshipStatus", equalTo("NOT_IN_DIFFICULTY"))
                .extract().header("Location");

        given().when().get(location).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("countyCode", equalTo("620702"))
                .body("nationalId", startsWith("620702****"));
        given().queryParam("reveal", "nationalId").when().get(location).then().statusCode(200)
                .body("nationalId", equalTo(nationalId));
    }

    @Test
    void rejectsAWrongCheckDigitNamingTheFieldAndStoresNothing() {
        String valid = NationalIds.next();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

        Members.post(Members.registration(wrong)).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("nationalId"))
                .body("violations[0].message", equalTo("has a wrong check digit"));

        given().queryParam("q", wrong).when().get("/api/members").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void rejectsAnUnknownCountyAStrictEnumAndAFenFraction() {
        Map<String, Object> body = Members.registration();
        body.put("countyCode", "620799");
        body.put("laborCapacity", "full");
        body.put("annualIncome", 100.001);

        Members.post(body).statusCode(400)
                .body("violations.field", contains("countyCode", "laborCapacity", "annualIncome"));
    }

    @Test
    void rejectsServerOwnedFieldsSetByTheClient() {
        for (String field : new String[] {"id", "version", "registrationStatus", "createdAt"}) {
            Map<String, Object> body = Members.registration();
            body.put(field, "1");

            Members.post(body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains(field));
        }
    }

    @Test
    void registersOnAPastBusinessDateAndCarriesItInTheEventAndTheFirstAssessment() {
        Map<String, Object> body = Members.inDifficulty(Members.registration(), "ILLNESS");
        body.put("registeredOn", "2015-03-10");

        String id = Members.post(body).statusCode(201).body("registeredOn", equalTo("2015-03-10")).extract().path("id");

        given().when().get("/api/members/" + id).then().body("registeredOn", equalTo("2015-03-10"));
        given().when().get("/api/members/" + id + "/hardship-assessments").then()
                .body("assessedOn", contains("2015-03-10"));
        JsonNode data = await().atMost(Duration.ofSeconds(60)).until(() -> TopicProbe.readAll("members.events").stream()
                .filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).map(r -> read(r.value()).path("data"))
                .orElseThrow();
        assertThat(data.path("registeredOn").asText()).isEqualTo("2015-03-10");
        assertThat(data.path("effectiveOn").asText()).isEqualTo("2015-03-10");
    }

    @Test
    void registersTodayUnlessDatedAndRefusesAFutureOrPreProgrammeDate() {
        Map<String, Object> undated = Members.registration();
        undated.remove("registeredOn");
        Members.post(undated).statusCode(201).body("registeredOn", equalTo(TODAY.toString()));

        Map<String, Object> future = Members.registration();
        future.put("registeredOn", TODAY.plusDays(1).toString());
        Members.post(future).statusCode(400).body("violations[0].field", equalTo("registeredOn"))
                .body("violations[0].message", equalTo("is in the future"));
        Map<String, Object> early = Members.registration();
        early.put("registeredOn", "1999-12-31");
        Members.post(early).statusCode(400).body("violations[0].field", equalTo("registeredOn"))
                .body("violations[0].message", equalTo("must fall within the programme's years, 2000 to "
                        + (TODAY.getYear() + 1) + " (rule programme-years)"));
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rejectsDifficultyWithoutACause() {
        Members.post(Members.inDifficulty(Members.registration())).statusCode(400)
                .body("violations.field", contains("causes"));
    }

    @Test
    void recordsTheInitialAssessmentOfAMemberRegisteredInDifficulty() {
        String id = Members.post(Members.inDifficulty(Members.registration(), "ILLNESS", "DISABILITY")).statusCode(201)
                .body("hardshipStatus", equalTo("IN_DIFFICULTY"))
                .body("causes", contains("ILLNESS", "DISABILITY"))
                .extract().path("id");

        given().when().get("/api/members/" + id + "/hardship-assessments").then().statusCode(200)
                .body("status", contains("IN_DIFFICULTY"));
    }

    @Test
    void answers409WithTheExistingMemberForASecondRegistrationOfOneNationalId() {
        String nationalId = NationalIds.next();
        String firstId = Members.post(Members.registration(nationalId)).statusCode(201).extract().path("id");
        Map<String, Object> again = Members.registration(nationalId);
        again.put("countyCode", "620722");

        Members.post(again).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/duplicate-national-id"))
                .body("existingMemberId", equalTo(firstId));
    }

    @Test
    void registersANationalIdOnceWhenManyRegistrarsRaceForIt() throws Exception {
        Map<String, Object> body = Members.registration();
        ExecutorService registrars = Executors.newFixedThreadPool(8);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(registrars.submit(() -> given().contentType(ContentType.JSON).body(body)
                        .when().post("/api/members").andReturn()));
            }
            List<io.restassured.response.Response> responses = new ArrayList<>();
            for (Future<io.restassured.response.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }

            List<io.restassured.response.Response> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(created).hasSize(1);
            String id = created.get(0).path("id");
            assertThat(responses).filteredOn(r -> r.statusCode() != 201)
                    .hasSize(7)
                    .allSatisfy(r -> {
                        assertThat(r.statusCode()).isEqualTo(409);
                        assertThat(r.<String>path("existingMemberId")).isEqualTo(id);
                    });
        } finally {
            registrars.shutdownNow();
        }
    }

    @Test
    void rejectsAMalformedBody() {
        given().contentType(ContentType.JSON).body("{\"nationalId\": ").when().post("/api/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void answersAnUnknownMemberWithProblemJson() {
        given().when().get("/api/members/8f6a3c1e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("No member"));
    }

    @Test
    void listsTheRegionsWithTheirChineseNames() {
        given().when().get("/api/regions").then().statusCode(200)
                .body("code", hasItem("620721"))
                .body("find { it.code == '620721' }.nameZh", equalTo("肃南裕固族自治县"))
                .body("find { it.code == '620721' }.parentCode", equalTo("620700"))
                .body("find { it.code == '620000' }.level", equalTo("PROVINCE"));
    }
}
