package org.memberaid.database;

/**
 * Fired once the service's database exists and its schema is migrated. Components that need the
 * database in the background (outbox relay, event consumers) start on it rather than at boot, so
 * a service started before PostgreSQL still comes up and catches up later.
 */
public record DatabaseReady(String database) {
}
