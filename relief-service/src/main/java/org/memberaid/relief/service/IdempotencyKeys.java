package org.memberaid.relief.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.config.IdempotencyConfig;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.RuleViolationException;

/**
 * Remembers the answer to each Idempotency-Key, so a retried request gets the first answer back
 * and creates nothing.
 *
 * <p>The key, the work and the kept answer are one transaction. While it runs, the transaction
 * holds an advisory lock on the key: a second request with the key finds it taken and is refused
 * (409), not run twice. A failed request rolls everything back, its key included, so a retry can
 * succeed; a request that dies with its connection leaves nothing behind either (PostgreSQL rolls
 * back its transaction and releases the lock). Only successful answers are kept.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final String PRIMARY_KEY = "idempotency_key_pkey";

    /** The answer kept for a key. */
    public record Answer(int status, String body, String location) {
    }

    /** The answer to a request: the first one, replayed when the key was seen before. */
    public record Outcome(Answer answer, boolean replayed) {
    }

    /**
     * The work done under a key, in the transaction open on {@code connection}: it reads on the
     * connection and adds its writes to {@code writes}, which go to the database in one round trip
     * together with the kept answer.
     */
    @FunctionalInterface
    public interface Work {
        Answer perform(Connection connection, StatementPipeline writes) throws SQLException;
    }

    @Inject
    JdbcTransactions transactions;

    @Inject
    IdempotencyConfig config;

    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "idempotency-cleaner"));

    void startCleaning(@Observes StartupEvent event) {
        cleaner.scheduleWithFixedDelay(this::forgetExpired, 1, 60, TimeUnit.MINUTES);
    }

    void stopCleaning(@Observes ShutdownEvent event) {
        cleaner.shutdownNow();
    }

    /**
     * The key a client's Idempotency-Key is kept under: per kind of request and per caller, so two
     * callers' equal keys never meet. The subject's length goes first, so no subject and key can
     * spell another pair's scoped key whatever characters they hold.
     */
    public static String scoped(String kind, String subject, String idempotencyKey) {
        return kind + ":" + subject.length() + ":" + subject + ":" + idempotencyKey;
    }

    /**
     * Runs {@code work} in a new transaction under the key, keeping its answer in the same
     * transaction; or replays the answer a request with this key already got.
     */
    public Outcome run(String scopedKey, String requestHash, Work work) {
        try {
            return attempt(scopedKey, requestHash, work);
        } catch (RuntimeException e) {
            if (!isKeyRace(e)) {
                throw e;
            }
            // The first request committed between this one's read of the key and its lock: all of
            // this attempt is rolled back, and the next one finds the kept answer.
            return attempt(scopedKey, requestHash, work);
        }
    }

    /**
     * Whether a transaction failed because another one kept an answer for one of its keys between
     * its read of the key and its lock: run again, it finds the kept answer.
     */
    static boolean isKeyRace(RuntimeException e) {
        return ConstraintViolations.violates(e, PRIMARY_KEY);
    }

    private Outcome attempt(String scopedKey, String requestHash, Work work) {
        return transactions.run(connection -> {
            Answer earlier = lockAndRead(connection, scopedKey, requestHash);
            if (earlier != null) {
                return new Outcome(earlier, true);
            }
            StatementPipeline writes = new StatementPipeline();
            Answer answer = work.perform(connection, writes);
            keep(writes, scopedKey, requestHash, answer);
            writes.execute(connection);
            return new Outcome(answer, false);
        });
    }

    /** Adds the kept answer to a transaction's writes. */
    static void keep(StatementPipeline writes, String scopedKey, String requestHash, Answer answer) {
        writes.addRow("""
                INSERT INTO idempotency_key (scoped_key, request_hash, response_status, response_body, location)
                VALUES (?, ?, ?, ?, ?)""", scopedKey, requestHash, answer.status(), answer.body(), answer.location());
    }

    /** Takes the key's lock for this transaction and returns the answer kept for it, if any. */
    private static Answer lockAndRead(Connection connection, String scopedKey, String requestHash) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)), k.request_hash, k.response_status,
                       k.response_body, k.location
                FROM (VALUES (1)) AS one LEFT JOIN idempotency_key k ON k.scoped_key = ?""")) {
            query.setString(1, scopedKey);
            query.setString(2, scopedKey);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return earlier(row, 1, requestHash);
            }
        }
    }

    /**
     * What a request finds under its key, from a row holding, from {@code column} on: whether this
     * transaction took the key's lock, then the kept request hash, status, body and location (null
     * when none is kept). The kept answer; null for a new key; 409 while another transaction holds
     * the key; 422 when the key was used for another request.
     */
    static Answer earlier(ResultSet row, int column, String requestHash) throws SQLException {
        if (!row.getBoolean(column)) {
            throw inProgress();
        }
        String hash = row.getString(column + 1);
        if (hash == null) {
            return null;
        }
        if (!requestHash.equals(hash)) {
            throw reused();
        }
        return new Answer(row.getInt(column + 2), row.getString(column + 3), row.getString(column + 4));
    }

    static RuleViolationException reused() {
        return new RuleViolationException("idempotency-key-reused",
                "This Idempotency-Key was used with a different request; use a new key for a new request");
    }

    static ConflictException inProgress() {
        return new ConflictException("request-in-progress",
                "A request with this Idempotency-Key is still being processed; retry shortly", Map.of());
    }

    private void forgetExpired() {
        try {
            int forgotten = transactions.run(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")) {
                    delete.setDouble(1, config.retention().toSeconds());
                    return delete.executeUpdate();
                }
            });
            if (forgotten > 0) {
                LOG.debugf("Forgot %d idempotency keys older than %s", forgotten, config.retention());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not forget expired idempotency keys: %s", e.getMessage());
        }
    }
}
