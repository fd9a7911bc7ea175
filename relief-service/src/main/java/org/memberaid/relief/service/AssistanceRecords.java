package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.memberaid.access.RegionScope;
import org.memberaid.database.TimeOrderedUuids;
import org.memberaid.jdbc.JdbcTransactions;
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
    JdbcTransactions transactions;

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
            AssistanceRows.insert(writes, record);
            events.assistanceRecorded(writes, record);
            return render.apply(record);
        });
    }

    /** The record {@code id}, if it lies inside {@code scope}: outside it, a record does not exist for the caller. */
    public AssistanceRecord get(UUID id, RegionScope scope) {
        AssistanceRecord record = transactions.run(connection -> AssistanceRows.find(connection, id));
        if (record == null || !scope.covers(record.countyCode)) {
            throw new NotFoundException("No assistance record with id " + id);
        }
        return record;
    }

    /** Page {@code page} (from 0) of the records in {@code scope}, oldest first, and how many there are. */
    public Page list(RegionScope scope, UUID memberId, String countyCode, AssistanceKind kind, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("a.county_code LIKE ?");
        parameters.add(scope.likePattern());
        if (memberId != null) {
            conditions.add("a.member_id = ?");
            parameters.add(memberId);
        }
        if (countyCode != null) {
            conditions.add("a.county_code = ?");
            parameters.add(countyCode);
        }
        if (kind != null) {
            conditions.add("a.kind = ?");
            parameters.add(kind.name());
        }
        String from = " FROM assistance_record a WHERE " + String.join(" AND ", conditions);
        return transactions.run(connection -> new Page(
                Paging.rows(connection, "SELECT " + AssistanceRows.columns("a", "") + from
                        + " ORDER BY a.provided_on, a.created_at, a.id", parameters, page, size,
                        row -> AssistanceRows.read(row, "")),
                Paging.count(connection, "SELECT count(*)" + from, parameters)));
    }
}
