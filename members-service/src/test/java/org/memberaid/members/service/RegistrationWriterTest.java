package org.memberaid.members.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.members.Members;
import org.memberaid.members.NationalIds;
import org.memberaid.members.TopicProbe;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.MemberInput;
import org.memberaid.members.domain.MemberRules;
import org.memberaid.members.domain.ProgrammeYears;
import org.memberaid.members.events.MemberEvents;
import org.memberaid.testing.TestTokens;

/**
 * Registrations that arrive together commit together, but each keeps its own answer. The member
 * table is locked from another connection while every writer thread writes a first registration,
 * so that the next ones queue up and are written as one batch once the lock is released.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RegistrationWriterTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAs("registrar-1", "620000", Role.REGISTRAR);
    }

    private static final int QUEUED = 30;

    @Inject
    RegistrationWriter writer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Regions regions;

    @Inject
    MeterRegistry meters;

    @Test
    void aBatchAnswersEachRegistrationItsOwnWay() throws Exception {
        Member refused = member();
        refused.annualIncome = new BigDecimal("-1.00"); // past validation; the table's check refuses it
        Member twin = member();
        Member secondTwin = member(twin.nationalId);
        List<Member> queued = new ArrayList<>(List.of(refused, twin, secondTwin));
        while (queued.size() < QUEUED) {
            queued.add(member());
        }

        Map<Member, CompletableFuture<Void>> answers = new HashMap<>();
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE member IN SHARE ROW EXCLUSIVE MODE");
            // One registration per writer thread, so that every writer waits for the lock.
            for (int i = 0; i < writer.writerCount(); i++) {
                Member first = member();
                answers.put(first, writer.register(first, null));
                await().atMost(Duration.ofSeconds(10)).until(() -> insertsWaitingForTheLock() == answers.size());
            }
            for (Member member : queued) {
                answers.put(member, writer.register(member, null));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.waiting() == QUEUED);
            lock.rollback();
        }

        CompletableFuture.allOf(answers.values().stream()
                .map(answer -> answer.exceptionally(failure -> null)).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        // The queued registrations were written by the writers in at most one batch each.
        assertThat(meters.get("memberaid.registration.batch.size").summary().max())
                .isGreaterThanOrEqualTo((double) QUEUED / writer.writerCount());

        assertThat(failure(answers.get(refused))).isInstanceOf(JdbcTransactions.DatabaseException.class);
        Member registeredTwin = failure(answers.get(twin)) == null ? twin : secondTwin;
        Member refusedTwin = registeredTwin == twin ? secondTwin : twin;
        assertThat(failure(answers.get(registeredTwin))).isNull();
        assertThat(failure(answers.get(refusedTwin))).isInstanceOfSatisfying(DuplicateNationalIdException.class,
                duplicate -> assertThat(duplicate.existingMemberId()).isEqualTo(registeredTwin.id));

        List<Member> registered = answers.keySet().stream()
                .filter(member -> member != refused && member != refusedTwin).toList();
        assertThat(registered).hasSize(writer.writerCount() + QUEUED - 2);
        assertThat(registered).allSatisfy(member -> assertThat(failure(answers.get(member))).isNull());
        assertThat(storedIds(answers.keySet())).containsExactlyInAnyOrderElementsOf(
                registered.stream().map(member -> member.id.toString()).toList());

        Set<String> ids = answers.keySet().stream().map(member -> member.id.toString()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> eventsPerMember = TopicProbe.readAll(MemberEvents.TOPIC).stream()
                    .filter(record -> ids.contains(record.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(eventsPerMember).containsOnlyKeys(registered.stream().map(member -> member.id.toString()).toList());
            assertThat(eventsPerMember.values()).containsOnly(1L);
        });
    }

    private int insertsWaitingForTheLock() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO member%'")) {
            waiting.next();
            return waiting.getInt(1);
        }
    }

    private List<String> storedIds(Set<Member> members) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id::text FROM member WHERE national_id = ANY (?::text[])")) {
            query.setArray(1, connection.createArrayOf("text", members.stream().map(m -> m.nationalId).toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        }
    }

    private static Throwable failure(CompletableFuture<Void> answer) {
        try {
            answer.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private Member member() {
        return member(NationalIds.next());
    }

    private Member member(String nationalId) {
        MemberInput input = json.convertValue(Members.inDifficulty(Members.registration(nationalId), "ILLNESS"),
                MemberInput.class);
        LocalDate today = LocalDate.now();
        return Member.register(MemberRules.registration(input, today, ProgrammeYears.asOf(2000, today), regions::isCounty),
                Instant.now());
    }
}
