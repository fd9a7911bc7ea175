package org.memberaid.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.HardshipCausesConverter;
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.MemberDetails;
import org.memberaid.members.domain.MemberRules;
import org.memberaid.members.domain.NationalId;
import org.memberaid.problems.Violation;
import org.memberaid.members.events.MemberEvents;

/**
 * Loads a county's census from CSV. Every row is validated like a single registration; valid rows
 * are registered (each with its event) even when others fail, a chunk per transaction. A national
 * ID already on the registry is reported, never registered twice, so a re-run imports nothing again.
 */
@ApplicationScoped
public class MemberImport {

    private static final int CHUNK = 1000;
    private static final HardshipCausesConverter CAUSES = new HardshipCausesConverter();

    @Inject
    EntityManager entityManager;

    @Inject
    MemberEvents events;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Regions regions;

    private record ValidRow(long line, MemberDetails details) {
    }

    public ImportReport importCsv(Reader csv, boolean dryRun) {
        LocalDate today = calendar.today();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Map<String, Long> firstLineOf = new HashMap<>();
        List<ValidRow> chunk = new ArrayList<>(CHUNK);
        int[] counts = new int[2]; // received, imported
        MemberCsv.read(csv, row -> {
            counts[0]++;
            try {
                MemberDetails details = MemberRules.registration(row.input(), today, regions::isCounty);
                Long earlier = firstLineOf.putIfAbsent(details.nationalId().value(), row.line());
                if (earlier != null) {
                    rejected.add(rejection(row.line(), row.input().nationalId(),
                            "appears also on line " + earlier + " of this file"));
                    return;
                }
                chunk.add(new ValidRow(row.line(), details));
            } catch (InvalidInputException e) {
                rejected.add(new ImportReport.RejectedRow(row.line(), NationalId.masked(strip(row.input().nationalId())),
                        e.violations()));
            }
            if (chunk.size() == CHUNK) {
                counts[1] += register(chunk, today, dryRun, rejected);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            counts[1] += register(chunk, today, dryRun, rejected);
        }
        rejected.sort(Comparator.comparingLong(ImportReport.RejectedRow::line));
        return new ImportReport(dryRun, counts[0], counts[1], rejected);
    }

    private int register(List<ValidRow> chunk, LocalDate today, boolean dryRun, List<ImportReport.RejectedRow> rejected) {
        return dryRun ? reportRegistered(chunk, rejected) : importChunk(chunk, today, rejected);
    }

    /** Dry run: what would be imported, given who is registered already. */
    private int reportRegistered(List<ValidRow> chunk, List<ImportReport.RejectedRow> rejected) {
        Map<String, UUID> existing = QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(
                connection -> registeredIds(connection, chunk.stream().map(r -> r.details().nationalId().value()).toList())));
        int wouldImport = 0;
        for (ValidRow row : chunk) {
            if (existing.containsKey(row.details().nationalId().value())) {
                rejected.add(alreadyRegistered(row, existing));
            } else {
                wouldImport++;
            }
        }
        return wouldImport;
    }

    private int importChunk(List<ValidRow> chunk, LocalDate today, List<ImportReport.RejectedRow> rejected) {
        Instant now = calendar.now();
        List<Member> members = chunk.stream().map(row -> {
            Member member = Member.register(row.details(), today, now);
            member.version = 1L;
            return member;
        }).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> inserted = session().doReturningWork(connection -> insert(connection, members));
            List<Member> registered = members.stream().filter(member -> inserted.contains(member.id)).toList();
            if (registered.size() < members.size()) {
                List<String> skipped = members.stream().filter(member -> !inserted.contains(member.id))
                        .map(member -> member.nationalId).toList();
                Map<String, UUID> existing = session().doReturningWork(connection -> registeredIds(connection, skipped));
                chunk.stream().filter(row -> skipped.contains(row.details().nationalId().value()))
                        .forEach(row -> rejected.add(alreadyRegistered(row, existing)));
            }
            registered.stream().filter(member -> member.hardshipStatus == HardshipStatus.IN_DIFFICULTY)
                    .forEach(member -> HardshipAssessment.of(member, today, "assessed in the census import", now).persist());
            if (!registered.isEmpty()) {
                events.registered(registered);
            }
            return registered.size();
        });
    }

    /** One statement per chunk; rows whose national ID is registered already are skipped, not failed. */
    private static Set<UUID> insert(Connection connection, List<Member> members) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO member (id, national_id, name, gender, birth_date, ethnicity, phone, county_code, township,
                    village, party_branch, joined_party_on, education, labor_capacity, annual_income,
                    notable_contribution, hardship_status, hardship_causes, registration_status, registered_on,
                    version, created_at, updated_at)
                SELECT id, national_id, name, gender, birth_date::date, ethnicity, phone, county_code, township,
                    village, party_branch, joined_party_on::date, education, labor_capacity, annual_income::numeric,
                    notable_contribution, hardship_status, hardship_causes, 'ACTIVE', ?::date, 1, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                    ?::text[], ?::text[])
                    AS row(id, national_id, name, gender, birth_date, ethnicity, phone, county_code, township, village,
                        party_branch, joined_party_on, education, labor_capacity, annual_income, notable_contribution,
                        hardship_status, hardship_causes)
                ON CONFLICT (national_id) DO NOTHING
                RETURNING id""")) {
            Member first = members.get(0);
            insert.setString(1, first.registeredOn.toString());
            insert.setTimestamp(2, Timestamp.from(first.createdAt));
            insert.setTimestamp(3, Timestamp.from(first.updatedAt));
            insert.setArray(4, connection.createArrayOf("uuid", members.stream().map(m -> m.id).toArray()));
            int index = 5;
            for (Function<Member, Object> column : List.<Function<Member, Object>>of(m -> m.nationalId, m -> m.name,
                    m -> m.gender, m -> m.birthDate, m -> m.ethnicity, m -> m.phone, m -> m.countyCode,
                    m -> m.township, m -> m.village, m -> m.partyBranch, m -> m.joinedPartyOn, m -> m.education,
                    m -> m.laborCapacity, m -> m.annualIncome)) {
                insert.setArray(index++, connection.createArrayOf("text",
                        members.stream().map(column).map(value -> value == null ? null : value.toString()).toArray()));
            }
            insert.setArray(index++, connection.createArrayOf("boolean",
                    members.stream().map(m -> m.notableContribution).toArray()));
            insert.setArray(index++, connection.createArrayOf("text",
                    members.stream().map(m -> m.hardshipStatus.name()).toArray()));
            insert.setArray(index, connection.createArrayOf("text",
                    members.stream().map(m -> CAUSES.convertToDatabaseColumn(m.hardshipCauses)).toArray()));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    private static Map<String, UUID> registeredIds(Connection connection, List<String> nationalIds) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT national_id, id FROM member WHERE national_id = ANY (?::text[])")) {
            query.setArray(1, connection.createArrayOf("text", nationalIds.toArray()));
            Map<String, UUID> ids = new HashMap<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.put(result.getString(1).strip(), result.getObject(2, UUID.class));
                }
            }
            return ids;
        }
    }

    private static ImportReport.RejectedRow alreadyRegistered(ValidRow row, Map<String, UUID> existing) {
        String nationalId = row.details().nationalId().value();
        return rejection(row.line(), nationalId, "is already registered to member " + existing.get(nationalId));
    }

    private static ImportReport.RejectedRow rejection(long line, String nationalId, String message) {
        return new ImportReport.RejectedRow(line, NationalId.masked(strip(nationalId)),
                List.of(new Violation("nationalId", message)));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
