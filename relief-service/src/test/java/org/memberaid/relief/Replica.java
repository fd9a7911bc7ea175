package org.memberaid.relief;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.TopicWriter;

/** Puts members into relief's replica the way production does: by their events on members.events. */
public final class Replica {

    private Replica() {
    }

    /** A member as members-service would announce it. */
    public record Member(UUID id, String countyCode, String birthDate, String joinedPartyOn, String laborCapacity,
            String annualIncome, boolean notableContribution, String hardshipStatus, String registrationStatus) {

        public static Member inDifficulty(String countyCode) {
            return new Member(UUID.randomUUID(), countyCode, "1965-03-01", "1985-07-01", "PARTIAL", "2400.00", false,
                    "IN_DIFFICULTY", "ACTIVE");
        }

        public Member with(String laborCapacity, String annualIncome, String birthDate) {
            return new Member(id, countyCode, birthDate, joinedPartyOn, laborCapacity, annualIncome, notableContribution,
                    hardshipStatus, registrationStatus);
        }

        public Member deceased() {
            return new Member(id, countyCode, birthDate, joinedPartyOn, laborCapacity, annualIncome, notableContribution,
                    hardshipStatus, "DECEASED");
        }

        public Member notInDifficulty() {
            return new Member(id, countyCode, birthDate, joinedPartyOn, laborCapacity, annualIncome, notableContribution,
                    "NOT_IN_DIFFICULTY", registrationStatus);
        }
    }

    /** Publishes the member's registration and waits until relief has applied it. */
    public static UUID known(Member member) {
        return announce(member, 1);
    }

    /** Publishes a later state of a known member (as its second event) and waits until relief has applied it. */
    public static UUID changed(Member member) {
        return announce(member, 2);
    }

    private static UUID announce(Member member, long sequence) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"memberaid.member.registered.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","countyCode":"%s","birthDate":"%s","gender":"FEMALE","joinedPartyOn":"%s",
                  "laborCapacity":"%s","annualIncome":%s,"notableContribution":%s,"hardshipStatus":"%s","causes":[],
                  "registrationStatus":"%s","version":1,"effectiveOn":"2026-11-01"}}"""
                .formatted(UUID.randomUUID(), member.id(), sequence, member.id(), member.countyCode(), member.birthDate(),
                        member.joinedPartyOn(), member.laborCapacity(), member.annualIncome(),
                        member.notableContribution(), member.hardshipStatus(), member.registrationStatus());
        try (TopicWriter writer = new TopicWriter(KafkaBrokerTestResource.admin())) {
            writer.send("members.events", member.id().toString(), event);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> replicated(member.id(), sequence));
        return member.id();
    }

    /** Whether relief's replica holds the member at {@code version} or later. */
    private static boolean replicated(UUID id, long version) throws SQLException {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT version FROM member_replica WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong("version") >= version;
            }
        }
    }

    /**
     * A payee event as members-service documents it (members-service/README.md); {@code bankAccount} and
     * {@code accountHolder} null when the details were removed.
     */
    public static String payeeEvent(UUID member, long sequence, String bankAccount, String accountHolder) {
        return """
                {"specversion":"1.0","id":"%s","source":"/members-service","type":"memberaid.member.payee-changed.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "actor":"registrar-1","data":{"memberId":"%s","bankAccount":%s,"accountHolder":%s}}"""
                .formatted(UUID.randomUUID(), member, sequence, member, quoted(bankAccount), quoted(accountHolder));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /**
     * Gives a member payee details the way production does, by the event members-service publishes
     * on members.payees (as the member's first change), and waits until relief holds them.
     */
    public static void payee(UUID memberId, String bankAccount, String accountHolder) {
        try (TopicWriter writer = new TopicWriter(KafkaBrokerTestResource.admin())) {
            writer.send("members.payees", memberId.toString(), payeeEvent(memberId, 1, bankAccount, accountHolder));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT 1 FROM member_payee WHERE member_id = ? AND bank_account = ?")) {
                query.setObject(1, memberId);
                query.setString(2, bankAccount);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }
}
