package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.memberaid.access.RegionScope;
import org.memberaid.database.TimeOrderedUuids;
import java.util.function.Function;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.domain.AssistanceKind;
import org.memberaid.relief.domain.AssistanceRecord;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.events.ReliefEvents;

/**
 * Records assistance that moves no money, once per recorder's Idempotency-Key, each with its event.
 * A member outside the caller's region is as unknown to them as one relief never heard of.
 */
@ApplicationScoped
public class AssistanceRecords {

    @Inject
    IdempotencyKeys keys;

    @Inject
    ReliefEvents events;

    @Inject
    Clock clock;

    public record Page(List<AssistanceRecord> items, long total) {
    }

    public IdempotencyKeys.Outcome record(String idempotencyKey, String requestHash, AssistanceRecord record,
            RegionScope scope, Function<AssistanceRecord, IdempotencyKeys.Answer> render) {
        String scopedKey = IdempotencyKeys.scoped("assistance", record.recordedBy, idempotencyKey);
        return keys.run(scopedKey, requestHash, (connection, writes) -> {
            MemberReplica member = EligibilityFacts.member(connection, record.memberId, scope);
            if (!"ACTIVE".equals(member.registrationStatus)) {
                throw new RuleViolationException("member-not-active", "The member is " + member.registrationStatus);
            }
            record.id = TimeOrderedUuids.next();
            record.countyCode = member.countyCode;
            record.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            insert(writes, record);
            events.assistanceRecorded(writes, record);
            return render.apply(record);
        });
    }

    private static void insert(StatementPipeline writes, AssistanceRecord r) {
        writes.add("""
                INSERT INTO assistance_record (id, member_id, county_code, kind, provided_on, skills, employer,
                    project_name, helper_id, helper_name, helper_type, note, recorded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id, r.memberId, r.countyCode, r.kind.name(),
                r.providedOn, r.skills, r.employer, r.projectName, r.helperId, r.helperName,
                r.helperType == null ? null : r.helperType.name(), r.note, r.recordedBy, Timestamp.from(r.createdAt));
    }

    /** The record {@code id}, if it lies inside {@code scope}: outside it, a record does not exist for the caller. */
    public AssistanceRecord get(UUID id, RegionScope scope) {
        return QuarkusTransaction.joiningExisting().call(() -> AssistanceRecord.<AssistanceRecord>findByIdOptional(id))
                .filter(record -> scope.covers(record.countyCode))
                .orElseThrow(() -> new NotFoundException("No assistance record with id " + id));
    }

    public Page list(RegionScope scope, UUID memberId, String countyCode, AssistanceKind kind, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        conditions.add("countyCode like :scope");
        parameters.and("scope", scope.likePattern());
        if (memberId != null) {
            conditions.add("memberId = :member");
            parameters.and("member", memberId);
        }
        if (countyCode != null) {
            conditions.add("countyCode = :county");
            parameters.and("county", countyCode);
        }
        if (kind != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", kind);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = AssistanceRecord.<AssistanceRecord>find(String.join(" and ", conditions),
                    Sort.by("providedOn").and("createdAt").and("id"), parameters);
            return new Page(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
        });
    }
}
