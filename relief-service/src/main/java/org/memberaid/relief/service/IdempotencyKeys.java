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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.memberaid.database.ConstraintViolations;
import org.memberaid.jdbc.JdbcTransactions;
import org.memberaid.jdbc.StatementPipeline;
import org.memberaid.relief.config.IdempotencyConfig;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.RuleViolationException;

/**
 * Remembers the answer to each Idempotency-Key, so a retried request gets the first answer back
 * and creates nothing. The one idempotency path of every request that creates something: a single
 * request runs its work through {@link #run}; the disbursement writers, which decide a batch of
 * requests in one transaction, claim each key in the query that reads the batch's facts
 * ({@link #CLAIM_COLUMNS}), tell a key met twice in the batch apart ({@link Answered}) and retry a
 * lost race as {@link #run} does ({@link #retryingKeyRace}).
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
        return retryingKeyRace(() -> transactions.run(connection -> {
            Answer earlier = claim(connection, scopedKey, requestHash);
            if (earlier != null) {
                return new Outcome(earlier, true);
            }
            StatementPipeline writes = new StatementPipeline();
            Answer answer = work.perform(connection, writes);
            keep(writes, scopedKey, requestHash, answer);
            writes.execute(connection);
            return new Outcome(answer, false);
        }));
    }

    /**
     * Runs {@code transaction} (work under keys, claimed with {@link #CLAIM_COLUMNS}); once more
     * if another transaction kept an answer for one of its keys between its read of the key and
     * its lock: all of the first attempt is rolled back, and the second finds the kept answer.
     */
    static <T> T retryingKeyRace(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            if (!ConstraintViolations.violates(e, PRIMARY_KEY)) {
                throw e;
            }
            return transaction.get();
        }
    }

    /**
     * The columns that claim a key, for a query whose rows carry it as {@code r.scoped_key} and
     * that joins {@link #CLAIM_JOIN}: whether this transaction took the key's advisory lock (held
     * until it ends), and the answer kept under the key, if any. {@link #earlier} reads them.
     * Claiming in the query that reads a request's other facts costs no round trip of its own.
     */
    static final String CLAIM_COLUMNS = """
            pg_try_advisory_xact_lock(hashtextextended(r.scoped_key, 0)) AS key_locked,
            k.request_hash AS kept_request_hash, k.response_status AS kept_status, k.response_body AS kept_body,
            k.location AS kept_location""";

    /** The join {@link #CLAIM_COLUMNS} read the kept answer from. */
    static final String CLAIM_JOIN = "LEFT JOIN idempotency_key k ON k.scoped_key = r.scoped_key";

    /** Claims one key for this transaction; returns the answer kept for it, if any (see {@link #earlier}). */
    private static Answer claim(Connection connection, String scopedKey, String requestHash) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + CLAIM_COLUMNS
                + " FROM (VALUES (?::text)) AS r(scoped_key) " + CLAIM_JOIN)) {
            query.setString(1, scopedKey);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return earlier(row, requestHash);
            }
        }
    }

    /** Adds the kept answer to a transaction's writes. */
    static void keep(StatementPipeline writes, String scopedKey, String requestHash, Answer answer) {
        writes.addRow("""
                INSERT INTO idempotency_key (scoped_key, request_hash, response_status, response_body, location)
                VALUES (?, ?, ?, ?, ?)""", scopedKey, requestHash, answer.status(), answer.body(), answer.location());
    }

    /**
     * What a request finds under its key, from a row that {@link #CLAIM_COLUMNS claimed} it: the
     * kept answer; null for a new key; 409 while another transaction holds the key; 422 when the
     * key was used for another request.
     */
    static Answer earlier(ResultSet row, String requestHash) throws SQLException {
        if (!row.getBoolean("key_locked")) {
            throw inProgress();
        }
        String hash = row.getString("kept_request_hash");
        if (hash == null) {
            return null;
        }
        if (!requestHash.equals(hash)) {
            throw reused();
        }
        return new Answer(row.getInt("kept_status"), row.getString("kept_body"), row.getString("kept_location"));
    }

    /**
     * The keys one transaction answers under, for work that decides several requests together: a
     * key met again in the same transaction replays the answer it got there, as if that request
     * had committed first.
     */
    static final class Answered {

        private record Kept(String requestHash, Answer answer) {
        }

        private final Map<String, Kept> kept = new HashMap<>();

        /**
         * The answer a request with this key already got in this transaction, replayed; null when the key
         * is new to it; 422 when the key was used for another request.
         */
        Outcome replayed(String scopedKey, String requestHash) {
            Kept earlier = kept.get(scopedKey);
            if (earlier == null) {
                return null;
            }
            if (!earlier.requestHash().equals(requestHash)) {
                throw reused();
            }
            return new Outcome(earlier.answer(), true);
        }

        /** Keeps the answer in the transaction's writes (see {@link IdempotencyKeys#keep}) and here. */
        Outcome keep(StatementPipeline writes, String scopedKey, String requestHash, Answer answer) {
            IdempotencyKeys.keep(writes, scopedKey, requestHash, answer);
            kept.put(scopedKey, new Kept(requestHash, answer));
            return new Outcome(answer, false);
        }
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
