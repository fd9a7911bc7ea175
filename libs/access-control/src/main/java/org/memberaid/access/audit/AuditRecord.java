package org.memberaid.access.audit;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code actor} = the token's subject, with the roles and region it
 * carried) did what ({@code action}: the method and route, e.g. {@code POST /api/members/{id}/transfer},
 * or {@code REVEAL nationalId,phone}) to what ({@code target}: the resource's id), when, in which
 * request, and the HTTP status it was answered with ({@code outcome}).
 */
public record AuditRecord(Instant at, String actor, String roles, String region, String action, String target,
        String requestId, int outcome) {
}
