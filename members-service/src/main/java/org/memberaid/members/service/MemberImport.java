package org.memberaid.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.memberaid.members.domain.HardshipAssessment;
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
                connection -> MemberRows.registeredIds(connection, chunk.stream().map(r -> r.details().nationalId().value()).toList())));
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
            Set<UUID> inserted = session().doReturningWork(connection -> MemberRows.insert(connection, members));
            List<Member> registered = members.stream().filter(member -> inserted.contains(member.id)).toList();
            if (registered.size() < members.size()) {
                List<String> skipped = members.stream().filter(member -> !inserted.contains(member.id))
                        .map(member -> member.nationalId).toList();
                Map<String, UUID> existing = session().doReturningWork(connection -> MemberRows.registeredIds(connection, skipped));
                chunk.stream().filter(row -> skipped.contains(row.details().nationalId().value()))
                        .forEach(row -> rejected.add(alreadyRegistered(row, existing)));
            }
            List<HardshipAssessment> assessments = registered.stream()
                    .filter(member -> member.hardshipStatus == HardshipStatus.IN_DIFFICULTY)
                    .map(member -> HardshipAssessment.of(member, today, "assessed in the census import", now)).toList();
            session().doWork(connection -> MemberRows.insertAssessments(connection, assessments));
            if (!registered.isEmpty()) {
                events.registered(registered);
            }
            return registered.size();
        });
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
