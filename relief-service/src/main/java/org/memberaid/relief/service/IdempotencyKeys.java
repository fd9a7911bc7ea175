package org.memberaid.relief.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.RuleViolationException;

/**
 * Remembers the answer to each Idempotency-Key, so a retried request gets the first answer back
 * and creates nothing. A key is claimed in its own short transaction before the work starts: a
 * second request with the key while the first runs is refused (409), not run twice. Only a
 * successful answer is kept; a failed request releases its key so that a retry can succeed.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    /** The answer kept for a key. */
    public record Answer(int status, String body, String location) {
    }

    /** The answer to a request: the first one, replayed when the key was seen before. */
    public record Outcome(Answer answer, boolean replayed) {
    }

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "memberaid.idempotency.retention", defaultValue = "48h")
    Duration retention;

    /** A claim left PROCESSING this long belongs to a request that died; a retry may take it over. */
    @ConfigProperty(name = "memberaid.idempotency.abandoned-after", defaultValue = "2m")
    Duration abandonedAfter;

    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "idempotency-cleaner"));

    void startCleaning(@Observes StartupEvent event) {
        cleaner.scheduleWithFixedDelay(this::forgetExpired, 1, 60, TimeUnit.MINUTES);
    }

    void stopCleaning(@Observes ShutdownEvent event) {
        cleaner.shutdownNow();
    }

    /**
     * Runs {@code work} in a new transaction under the key, keeping its answer in the same
     * transaction; or replays the answer a request with this key already got.
     */
    public Outcome run(String scopedKey, String requestHash, Supplier<Answer> work) {
        Optional<Answer> earlier = claim(scopedKey, requestHash);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), true);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Answer answer = work.get();
                complete(scopedKey, answer);
                return new Outcome(answer, false);
            });
        } catch (RuntimeException e) {
            release(scopedKey);
            throw e;
        }
    }

    /** Claims the key for this request, or returns the answer already given to it. */
    public Optional<Answer> claim(String scopedKey, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Losing a claim in a crash is harmless (the retry claims again), so this commit need
            // not wait for the disk; the work and its stored answer commit durably afterwards.
            entityManager.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
            int claimed = entityManager.createNativeQuery("""
                    INSERT INTO idempotency_key (scoped_key, request_hash, state) VALUES (?1, ?2, 'PROCESSING')
                    ON CONFLICT (scoped_key) DO UPDATE SET request_hash = excluded.request_hash, created_at = now()
                    WHERE idempotency_key.state = 'PROCESSING'
                      AND idempotency_key.created_at < now() - make_interval(secs => ?3)""")
                    .setParameter(1, scopedKey).setParameter(2, requestHash)
                    .setParameter(3, (double) abandonedAfter.toSeconds())
                    .executeUpdate();
            if (claimed == 1) {
                return Optional.<Answer>empty();
            }
            List<?> rows = entityManager.createNativeQuery("""
                    SELECT request_hash, state, response_status, response_body, location
                    FROM idempotency_key WHERE scoped_key = ?1""").setParameter(1, scopedKey).getResultList();
            Object[] row = (Object[]) rows.get(0);
            if (!requestHash.equals(row[0])) {
                throw new RuleViolationException("idempotency-key-reused",
                        "This Idempotency-Key was used with a different request; use a new key for a new request");
            }
            if ("PROCESSING".equals(row[1])) {
                throw new ConflictException("request-in-progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly", java.util.Map.of());
            }
            return Optional.of(new Answer(((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
        });
    }

    private void complete(String scopedKey, Answer answer) {
        entityManager.createNativeQuery("""
                UPDATE idempotency_key SET state = 'DONE', response_status = ?2, response_body = ?3, location = ?4
                WHERE scoped_key = ?1""")
                .setParameter(1, scopedKey).setParameter(2, answer.status()).setParameter(3, answer.body())
                .setParameter(4, answer.location()).executeUpdate();
    }

    /** Lets the key be used again after the request failed. */
    private void release(String scopedKey) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM idempotency_key WHERE scoped_key = ?1 AND state = 'PROCESSING'")
                .setParameter(1, scopedKey).executeUpdate());
    }

    private void forgetExpired() {
        try {
            int forgotten = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, (double) retention.toSeconds()).executeUpdate());
            if (forgotten > 0) {
                LOG.debugf("Forgot %d idempotency keys older than %s", forgotten, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not forget expired idempotency keys: %s", e.getMessage());
        }
    }
}
