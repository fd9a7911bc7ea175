package org.memberaid.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.memberaid.testing.TestTokens.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.members.NationalIds;
import org.memberaid.members.TopicProbe;
import org.memberaid.testing.TestTokens;

/**
 * A member's payee details (docs/payments.md): given on registration, by update and by import; masked
 * in every answer unless revealed (audited); published on members.payees, never on members.events.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PayeeDetailsTest {

    private static final String GANSU = "620000";
    private static final String ACCOUNT = "6222020200112233445";
    private static final String MASKED = "6222***********3445";
    private static final String OTHER_ACCOUNT = "621700123456789012";

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-gansu", GANSU, Role.REGISTRAR);
    }

    @Test
    void registersPayeeDetailsShowsTheAccountMaskedAndPublishesItOnMembersPayeesOnly() {
        Map<String, Object> body = withPayee(Members.registration(), "6222 0202 0011 2233 445", " 王秀英 ");

        String id = Members.post(body).statusCode(201)
                .body("bankAccount", equalTo(MASKED)).body("accountHolder", equalTo("王秀英"))
                .extract().path("id");

        given().when().get("/api/members/" + id).then().statusCode(200)
                .body("bankAccount", equalTo(MASKED)).body("accountHolder", equalTo("王秀英"));
        given().queryParam("q", body.get("nationalId")).when().get("/api/members").then().statusCode(200)
                .body("items[0].bankAccount", equalTo(MASKED));
        JsonNode payee = await().atMost(Duration.ofSeconds(60)).until(() -> events("members.payees", id), e -> e.size() == 1)
                .get(0);
        assertThat(payee.path("type").asText()).isEqualTo("memberaid.member.payee-changed.v1");
        assertThat(payee.path("source").asText()).isEqualTo("/members-service");
        assertThat(payee.path("sequence").asLong()).isEqualTo(1);
        assertThat(payee.path("actor").asText()).isEqualTo("registrar-gansu");
        assertThat(payee.path("data")).isEqualTo(json("""
                {"memberId":"%s","bankAccount":"%s","accountHolder":"王秀英"}""".formatted(id, ACCOUNT)));
        List<String> memberEvents = await().atMost(Duration.ofSeconds(60))
                .until(() -> records("members.events", id), found -> found.size() == 1);
        assertThat(memberEvents.get(0)).doesNotContain(ACCOUNT).doesNotContain("3445")
                .doesNotContain("bankAccount").doesNotContain("accountHolder");
    }

    @Test
    void registersAMemberWithoutPayeeDetailsAndPublishesNothingOnMembersPayees() {
        String without = Members.post(Members.registration()).statusCode(201)
                .body("bankAccount", nullValue()).body("accountHolder", nullValue()).extract().path("id");
        String with = Members.post(withPayee(Members.registration(), ACCOUNT, "王秀英")).statusCode(201)
                .extract().path("id");

        // The outbox is published in order: once the later member's payee event is out, the earlier one's would be.
        await().atMost(Duration.ofSeconds(60)).until(() -> records("members.payees", with), found -> found.size() == 1);
        assertThat(records("members.payees", without)).isEmpty();
        assertThat(records("members.events", without)).hasSize(1);
    }

    @Test
    void revealsTheWholeAccountOnlyToARegistrarOrAdminAndAuditsIt() {
        String id = Members.post(withPayee(Members.registration(), ACCOUNT, "王秀英")).statusCode(201)
                .extract().path("id");

        as("caseworker-1", GANSU, Role.CASEWORKER).queryParam("reveal", "bankAccount")
                .when().get("/api/members/" + id).then().statusCode(403);
        as("caseworker-1", GANSU, Role.CASEWORKER).when().get("/api/members/" + id).then().statusCode(200)
                .body("bankAccount", equalTo(MASKED));
        given().header("X-Request-Id", "reveal-account-" + id).queryParam("reveal", "bankAccount")
                .when().get("/api/members/" + id).then().statusCode(200)
                .body("bankAccount", equalTo(ACCOUNT))
                .body("nationalId", containsString("********")).body("phone", equalTo("139****0123"));
        as("admin-1", GANSU, Role.ADMIN).queryParam("reveal", "nationalId,bankAccount")
                .when().get("/api/members/" + id).then().statusCode(200).body("bankAccount", equalTo(ACCOUNT));

        as("auditor-1", GANSU, Role.AUDITOR).queryParam("target", id).queryParam("action", "REVEAL")
                .when().get("/api/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("REVEAL nationalId,bankAccount", "REVEAL bankAccount"))
                .body("items.actor", contains("admin-1", "registrar-gansu"))
                .body("items[1].requestId", equalTo("reveal-account-" + id))
                .body("items[1].outcome", equalTo(200));
    }

    @Test
    void anUpdateKeepsChangesOrRemovesThePayeeDetailsAndPublishesEachChangeWithTheMembersVersion() {
        String id = Members.post(withPayee(Members.registration(), ACCOUNT, "王秀英")).statusCode(201)
                .extract().path("id");

        // sent back as answered (masked): kept, and no payee event
        update(id, 1, withPayee(change(), MASKED, "王秀英")).statusCode(200)
                .body("version", equalTo(2)).body("bankAccount", equalTo(MASKED));
        update(id, 2, withPayee(change(), OTHER_ACCOUNT, "王建国")).statusCode(200)
                .body("version", equalTo(3)).body("bankAccount", equalTo("6217**********9012"))
                .body("accountHolder", equalTo("王建国"));
        // PUT replaces: left out, the payee details are removed
        update(id, 3, change()).statusCode(200)
                .body("version", equalTo(4)).body("bankAccount", nullValue()).body("accountHolder", nullValue());
        update(id, 4, change()).statusCode(200).body("version", equalTo(5));

        List<JsonNode> payees = await().atMost(Duration.ofSeconds(60))
                .until(() -> events("members.payees", id), found -> found.size() == 3);
        assertThat(payees).extracting(event -> event.path("sequence").asLong()).containsExactly(1L, 3L, 4L);
        assertThat(payees.get(1).path("data")).isEqualTo(json("""
                {"memberId":"%s","bankAccount":"%s","accountHolder":"王建国"}""".formatted(id, OTHER_ACCOUNT)));
        assertThat(payees.get(2).path("data")).isEqualTo(json("""
                {"memberId":"%s","bankAccount":null,"accountHolder":null}""".formatted(id)));
        List<JsonNode> updates = await().atMost(Duration.ofSeconds(60))
                .until(() -> events("members.events", id), found -> found.size() == 5);
        assertThat(updates).extracting(event -> event.path("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(updates).allSatisfy(event -> assertThat(event.toString()).doesNotContain(ACCOUNT)
                .doesNotContain(OTHER_ACCOUNT).doesNotContain("bankAccount"));
    }

    @Test
    void refusesAnAccountWithoutItsHolderOrABadAccountNamingTheFieldAndChangesNothing() {
        Map<String, Object> incomplete = Members.registration();
        incomplete.put("bankAccount", ACCOUNT);

        Members.post(incomplete).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("accountHolder"))
                .body("violations[0].message", containsString("(rule payee-incomplete)"));
        Map<String, Object> bad = withPayee(Members.registration(), "6222-0202-0011-2233", "王秀英");
        Members.post(bad).statusCode(400)
                .body("violations.field", contains("bankAccount"))
                .body("violations[0].message", not(containsString("6222")));
        given().queryParam("q", incomplete.get("nationalId")).when().get("/api/members").then().body("total", equalTo(0));
        given().queryParam("q", bad.get("nationalId")).when().get("/api/members").then().body("total", equalTo(0));

        String id = Members.post(withPayee(Members.registration(), ACCOUNT, "王秀英")).statusCode(201)
                .extract().path("id");
        Map<String, Object> holderOnly = change();
        holderOnly.put("accountHolder", "王秀英");
        update(id, 1, holderOnly).statusCode(400).body("violations.field", contains("bankAccount"))
                .body("violations[0].message", containsString("(rule payee-incomplete)"));
        update(id, 1, withPayee(change(), "6222***********0000", "王秀英")).statusCode(400)
                .body("violations.field", contains("bankAccount"));
        given().queryParam("reveal", "bankAccount").when().get("/api/members/" + id).then()
                .body("version", equalTo(1)).body("bankAccount", equalTo(ACCOUNT));
    }

    @Test
    void importsPayeeDetailsFromTheirColumnsAndReportsARowWithOnlyOneOfThemOrABadAccount() {
        String withPayee = NationalIds.next();
        String without = NationalIds.next();
        String incomplete = NationalIds.next();
        String badAccount = NationalIds.next();
        String csv = "nationalId,name,countyCode,joinedPartyOn,laborCapacity,annualIncome,bankAccount,accountHolder\n"
                + row(withPayee, "\"6222 0202 0011 2233 445\",王秀英")
                + row(without, ",")
                + row(incomplete, ACCOUNT + ",")
                + row(badAccount, "62220202,王秀英");

        given().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/members/import").then()
                .statusCode(200)
                .body("received", equalTo(4)).body("imported", equalTo(2))
                .body("rejected.line", contains(4, 5))
                .body("rejected[0].violations.field", contains("accountHolder"))
                .body("rejected[0].violations[0].message", containsString("(rule payee-incomplete)"))
                .body("rejected[1].violations.field", contains("bankAccount"));

        String id = given().queryParam("q", withPayee).when().get("/api/members").then()
                .body("items[0].bankAccount", equalTo(MASKED)).body("items[0].accountHolder", equalTo("王秀英"))
                .extract().path("items[0].id");
        String other = given().queryParam("q", without).when().get("/api/members").then()
                .body("items[0].bankAccount", nullValue()).extract().path("items[0].id");
        JsonNode payee = await().atMost(Duration.ofSeconds(60)).until(() -> events("members.payees", id), e -> e.size() == 1)
                .get(0);
        assertThat(payee.path("sequence").asLong()).isEqualTo(1);
        assertThat(payee.path("data").path("bankAccount").asText()).isEqualTo(ACCOUNT);
        assertThat(records("members.payees", other)).isEmpty();
    }

    private static String row(String nationalId, String payee) {
        return nationalId + ",李桂芳,620702,1990-07-01,PARTIAL,2400.00," + payee + "\n";
    }

    private static Map<String, Object> withPayee(Map<String, Object> body, String bankAccount, String accountHolder) {
        body.put("bankAccount", bankAccount);
        body.put("accountHolder", accountHolder);
        return body;
    }

    /** An update's body: a registration's without the national ID and county, which no update changes. */
    private static Map<String, Object> change() {
        Map<String, Object> change = Members.registration();
        change.remove("nationalId");
        change.remove("countyCode");
        return change;
    }

    private static ValidatableResponse update(String id, long version, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .when().put("/api/members/" + id).then();
    }

    /** The values of the records under the member's key on {@code topic}, oldest first. */
    private static List<String> records(String topic, String memberId) {
        return TopicProbe.readAll(topic).stream().filter(r -> memberId.equals(r.key())).map(ConsumerRecord::value)
                .toList();
    }

    private static List<JsonNode> events(String topic, String memberId) {
        return records(topic, memberId).stream().map(PayeeDetailsTest::json).toList();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
