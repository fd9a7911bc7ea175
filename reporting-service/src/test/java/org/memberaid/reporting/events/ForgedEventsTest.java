package org.memberaid.reporting.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memberaid.reporting.ReportApi.awaitCounty;
import static org.memberaid.reporting.ReportApi.county;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.BrokerUsers;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.TopicWriter;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReportApi;
import org.memberaid.reporting.projection.Projections;
import org.memberaid.testing.TestTokens;

/**
 * Forged events never reach the reports: one whose source is not its topic's owner is
 * dead-lettered, and a service's user cannot write another service's topic at all.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ForgedEventsTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST, Role.ADMIN);
    }

    private static final int YEAR = 2015;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Projections projections;

    private EventFixtures events;

    @BeforeEach
    void open() {
        events = new EventFixtures();
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void deadLettersAnEventFromAnotherSourceThanItsTopicsOwnerAndGoesOn() throws SQLException {
        UUID forgedMember = UUID.randomUUID();
        events.send("members.events", forgedMember.toString(),
                MemberFiguresTest.member(UUID.randomUUID(), "registered", forgedMember, 1, "629861", "ACTIVE",
                        "IN_DIFFICULTY").replace("\"source\":\"/members-service\"", "\"source\":\"/relief-service\""));
        UUID forgedApproval = UUID.randomUUID();
        events.send("relief.events", forgedApproval.toString(), approvedDisbursement(forgedApproval, "/members-service"));

        UUID genuine = UUID.randomUUID();
        events.send("members.events", genuine.toString(),
                MemberFiguresTest.member(UUID.randomUUID(), "registered", genuine, 1, "629861", "ACTIVE"));
        awaitCounty("629861", YEAR, row -> assertThat(row).containsEntry("membersTotal", 1));
        ReportApi.awaitCaughtUp();

        String schema = projections.active();
        assertThat(MemberFiguresTest.deadLetterReasons(dataSource, schema, forgedMember.toString())).containsExactly(
                "source must be /members-service on members.events, found /relief-service");
        assertThat(MemberFiguresTest.deadLetterReasons(dataSource, schema, forgedApproval.toString())).containsExactly(
                "source must be /relief-service on relief.events, found /members-service");
        assertThat(county("629861", YEAR)).containsEntry("membersTotal", 1).containsEntry("membersInDifficulty", 0);
        assertThat(((Number) county("629861", YEAR).get("fundsApproved")).doubleValue()).isZero();
    }

    @Test
    void refusesAServiceWritingAnotherServicesTopic() {
        UUID member = UUID.randomUUID();
        String registration = MemberFiguresTest.member(UUID.randomUUID(), "registered", member, 1, "629871", "ACTIVE");

        try (TopicWriter relief = new TopicWriter(KafkaBrokerTestResource.login(BrokerUsers.RELIEF_SERVICE))) {
            assertThatThrownBy(() -> relief.send("members.events", member.toString(), registration))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        UUID approval = UUID.randomUUID();
        try (TopicWriter members = new TopicWriter(KafkaBrokerTestResource.login(BrokerUsers.MEMBERS_SERVICE))) {
            assertThatThrownBy(() -> members.send("relief.events", approval.toString(),
                    approvedDisbursement(approval, "/relief-service")))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        UUID marker = UUID.randomUUID();
        events.send("members.events", marker.toString(),
                MemberFiguresTest.member(UUID.randomUUID(), "registered", marker, 1, "629872", "ACTIVE"));
        awaitCounty("629872", YEAR, row -> assertThat(row).containsEntry("membersTotal", 1));
        ReportApi.awaitCaughtUp();

        given().when().get("/api/reports/counties/629871").then().statusCode(404);
    }

    private static String approvedDisbursement(UUID memberId, String source) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"memberaid.disbursement.approved.v1",
                 "subject":"%s","time":"2015-03-01T08:00:00Z","sequence":2,"data":{"id":"%s","memberId":"%s",
                 "countyCode":"629861","kind":"HARDSHIP_RELIEF","amount":3000.00,"disbursedOn":"2015-03-01",
                 "status":"APPROVED"}}""".formatted(UUID.randomUUID(), source, memberId, UUID.randomUUID(), memberId)
                .replace("\n", "");
    }
}
