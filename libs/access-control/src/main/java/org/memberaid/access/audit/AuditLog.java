package org.memberaid.access.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.memberaid.access.RegionScope;
import org.memberaid.jdbc.GroupCommit;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;

/**
 * The service's append-only audit log (table {@code audit_record}, migration {@code db/audit}). Lines
 * are written by a group-commit writer: the lines of requests answered together share one
 * transaction, and each request's answer waits for its line's commit, so no answer leaves the
 * service before its audit line is stored.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_record (at, actor, roles, region, action, target, request_id, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A page of audit lines, newest first. */
    public record Page(List<AuditRecord> items, long total) {
    }

    /** What to look for; null fields do not filter. {@code action} matches the start of the action. */
    public record Query(String actor, String target, String action, Instant from, Instant to) {
    }

    /** Audit lines belong to answers already decided: room for many more than the writers' queues hold. */
    private static final int AUDIT_CAPACITY = 100_000;

    @Inject
    JdbcTransactions transactions;

    @Inject
    AuditConfig config;

    @Inject
    MeterRegistry registry;

    private GroupCommit<AuditRecord, Void> writer;

    @PostConstruct
    void start() {
        DistributionSummary batchSizes = DistributionSummary.builder("memberaid_audit_batch_size")
                .description("Audit lines committed per transaction").register(registry);
        writer = new GroupCommit<>("audit-writer", 1, config.maxBatch(), AUDIT_CAPACITY, config.commitTimeout(),
                batchSizes::record, this::write);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.stop();
    }

    /** Stores {@code line}; completes when it is committed. Never blocks. */
    public CompletionStage<Void> record(AuditRecord line) {
        return writer.submit(line);
    }

    /** Lines matching {@code query} whose actor's region lies inside {@code scope}, newest first. */
    public Page search(Query query, RegionScope scope, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE region LIKE ?");
        List<Object> parameters = new ArrayList<>(List.of(scope.likePattern()));
        if (query.actor() != null) {
            where.append(" AND actor = ?");
            parameters.add(query.actor());
        }
        if (query.target() != null) {
            where.append(" AND target = ?");
            parameters.add(query.target());
        }
        if (query.action() != null) {
            where.append(" AND starts_with(action, ?)");
            parameters.add(query.action());
        }
        if (query.from() != null) {
            where.append(" AND at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        return transactions.run(connection -> {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM audit_record" + where, parameters);
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(size);
            paged.add((long) page * size);
            List<AuditRecord> items = new ArrayList<>();
            try (PreparedStatement select = prepare(connection,
                    "SELECT at, actor, roles, region, action, target, request_id, outcome FROM audit_record" + where
                            + " ORDER BY id DESC LIMIT ? OFFSET ?", paged);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(new AuditRecord(rows.getTimestamp("at").toInstant(), rows.getString("actor"),
                            rows.getString("roles"), rows.getString("region"), rows.getString("action"),
                            rows.getString("target"), rows.getString("request_id"), rows.getInt("outcome")));
                }
            }
            return new Page(items, total);
        });
    }

    /**
     * Adds {@code line} to {@code writes}, the statements of a transaction that makes the change it
     * records: line and change commit together (see {@link AuditDraft}).
     */
    public static void append(StatementPipeline writes, AuditRecord line) {
        writes.addRow(INSERT, Timestamp.from(line.at()), line.actor(), line.roles(), line.region(), line.action(),
                line.target(), line.requestId(), line.outcome());
    }

    private void write(List<GroupCommit.Pending<AuditRecord, Void>> batch) {
        StatementPipeline writes = new StatementPipeline();
        batch.forEach(pending -> append(writes, pending.request()));
        transactions.run(connection -> writes.execute(connection));
        batch.forEach(pending -> pending.answer().complete(null));
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
