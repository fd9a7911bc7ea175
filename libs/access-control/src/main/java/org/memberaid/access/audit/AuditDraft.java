package org.memberaid.access.audit;

import java.time.Instant;

/**
 * The audit line of a write whose outcome is decided, and committed, by a writer that batches
 * requests (a group commit): the writer adds the line to the transaction that makes the change, so
 * change and line commit together and the answer waits for one commit, not two. Who, in which
 * request and which action are known when the request arrives; target and outcome when the writer
 * decides it.
 *
 * <p>A draft the writer did not mark {@link #written()} (its transaction failed, the request was
 * answered otherwise) is recorded by {@link AuditTrail} as any other write.
 */
public final class AuditDraft {

    private final String actor;
    private final String roles;
    private final String region;
    private final String action;
    private final String requestId;
    private volatile boolean written;

    AuditDraft(String actor, String roles, String region, String action, String requestId) {
        this.actor = actor;
        this.roles = roles;
        this.region = region;
        this.action = action;
        this.requestId = requestId;
    }

    /** The line saying the request was answered {@code outcome} (an HTTP status) about {@code target}. */
    public AuditRecord line(String target, int outcome) {
        return new AuditRecord(Instant.now(), actor, roles, region, action, target, requestId, outcome);
    }

    /** The line committed with the change: the trail must not write it again. Call after the commit. */
    public void written() {
        written = true;
    }

    boolean isWritten() {
        return written;
    }
}
