package org.memberaid.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import org.memberaid.access.Caller;
import org.memberaid.access.RegionScope;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.MemberDetails;
import org.memberaid.members.domain.MemberRules;
import org.memberaid.members.domain.NationalId;
import org.memberaid.members.domain.ProgrammeYears;
import org.memberaid.problems.Violation;

/**
 * Loads a county's census from CSV. Every row is validated like a single registration; valid rows
 * are registered (each with its event) even when others fail, a chunk per transaction. A national
 * ID already on the registry is reported, never registered twice, so a re-run imports nothing again.
 */
@ApplicationScoped
public class MemberImport {

    private static final int CHUNK = 1000;
    private static final String ASSESSMENT_NOTE = "assessed in the census import";

    @Inject
    JdbcTransactions transactions;

    @Inject
    NewMembers newMembers;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Regions regions;

    @Inject
    Caller caller;

    private record ValidRow(long line, MemberDetails details) {
    }

    /**
     * Imports the rows of {@code csv} whose county lies inside {@code scope}; the others are rejected
     * like any invalid row. A national ID registered already is reported with its holder named only
     * when that member lies inside the scope too.
     */
    public ImportReport importCsv(Reader csv, boolean dryRun, RegionScope scope) {
        LocalDate today = calendar.today();
        ProgrammeYears years = calendar.programmeYears();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Map<String, Long> firstLineOf = new HashMap<>();
        List<ValidRow> chunk = new ArrayList<>(CHUNK);
        int[] counts = new int[2]; // received, imported
        MemberCsv.read(csv, row -> {
            counts[0]++;
            try {
                MemberDetails details = MemberRules.registration(row.input(), today, years, regions::isCounty);
                scope.requireCounty(details.countyCode());
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
                counts[1] += register(chunk, dryRun, rejected, scope);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            counts[1] += register(chunk, dryRun, rejected, scope);
        }
        rejected.sort(Comparator.comparingLong(ImportReport.RejectedRow::line));
        return new ImportReport(dryRun, counts[0], counts[1], rejected);
    }

    private int register(List<ValidRow> chunk, boolean dryRun, List<ImportReport.RejectedRow> rejected,
            RegionScope scope) {
        return dryRun ? reportRegistered(chunk, rejected, scope) : importChunk(chunk, rejected, scope);
    }

    /** Dry run: what would be imported, given who is registered already. */
    private int reportRegistered(List<ValidRow> chunk, List<ImportReport.RejectedRow> rejected, RegionScope scope) {
        Map<String, MemberRows.Holder> existing = transactions.run(connection ->
                MemberRows.registeredIds(connection, chunk.stream().map(r -> r.details().nationalId().value()).toList()));
        int wouldImport = 0;
        for (ValidRow row : chunk) {
            if (existing.containsKey(row.details().nationalId().value())) {
                rejected.add(alreadyRegistered(row, existing, scope));
            } else {
                wouldImport++;
            }
        }
        return wouldImport;
    }

    private int importChunk(List<ValidRow> chunk, List<ImportReport.RejectedRow> rejected, RegionScope scope) {
        Instant now = calendar.now();
        String actor = caller.subject();
        List<Member> members = chunk.stream().map(row -> {
            Member member = Member.register(row.details(), now);
            member.changedBy = actor;
            return member;
        }).toList();
        NewMembers.Written written = transactions.run(connection -> newMembers.write(connection, members, ASSESSMENT_NOTE));
        for (int i = 0; i < chunk.size(); i++) {
            if (!written.registered(members.get(i))) {
                rejected.add(alreadyRegistered(chunk.get(i), written.holderOfSkipped(), scope));
            }
        }
        return written.registered().size();
    }

    /** The holder is named only when it lies inside the caller's region. */
    private static ImportReport.RejectedRow alreadyRegistered(ValidRow row, Map<String, MemberRows.Holder> existing,
            RegionScope scope) {
        String nationalId = row.details().nationalId().value();
        MemberRows.Holder holder = existing.get(nationalId);
        return rejection(row.line(), nationalId, scope.covers(holder.countyCode())
                ? "is already registered to member " + holder.id()
                : "is already registered in another region");
    }

    private static ImportReport.RejectedRow rejection(long line, String nationalId, String message) {
        return new ImportReport.RejectedRow(line, NationalId.masked(strip(nationalId)),
                List.of(new Violation("nationalId", message)));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
