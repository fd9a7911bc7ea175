package org.memberaid.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.memberaid.jdbc.JdbcTransactions;

/**
 * The projection schemas in the database and the registry ({@code public.projection_registry})
 * that names the one reports read: created with their empty tables, switched to, dropped. Each
 * change is one transaction of its own.
 */
@ApplicationScoped
class ProjectionSchemas {

    /** The tables of a projection: the inbox's (from transactional-events, in version order) and reporting's own. */
    private static final List<String> SCHEMA_SCRIPTS = List.of("db/inbox/V0_2__inbox.sql",
            "db/inbox/V0_3__consumed_offsets.sql", "db/projection/projection.sql");
    private static final long REGISTRY_LOCK = 0x7265706f7274L;
    /**
     * The version of what a projection holds: the tables of db/projection/projection.sql and what the
     * events count for in them. Raise it with every change to either, so that a projection an older
     * release built (which may have dead-lettered events it did not know) is rebuilt, not read. 4: paid
     * and failed payments count (releases before dead-lettered the paid and payment-failed events). 5: the
     * distinct measures of beneficiaries per disbursement kind and of members given medical or education
     * assistance (a projection of shape 4 holds no weights for them).
     */
    static final int SHAPE = 5;
    private static final Logger LOG = Logger.getLogger(ProjectionSchemas.class);

    @Inject
    JdbcTransactions transactions;

    /** The projection reports read, and the one of an older shape it replaced (null: none). */
    private record Registered(String schema, String dropped) {
    }

    /**
     * The active projection; the first one, or a new one when the active one has another shape
     * (a release changed its tables): that one is built from the start of the topics and the old
     * one dropped, since this release cannot read it.
     */
    String activeOrFirst() {
        Registered registered = transactions.run(ProjectionSchemas::activeOrNew);
        if (registered.dropped() != null) {
            LOG.warnf("Projection %s had an older shape; its figures are rebuilt from the start of the topics into %s",
                    registered.dropped(), registered.schema());
        }
        return registered.schema();
    }

    private static Registered activeOrNew(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Two instances starting together create one projection, not two.
            statement.execute("SELECT pg_advisory_xact_lock(" + REGISTRY_LOCK + ")");
            String held = null;
            int shape = 0;
            try (ResultSet row = statement.executeQuery("SELECT active_schema, shape FROM projection_registry")) {
                if (row.next()) {
                    held = row.getString(1);
                    shape = row.getInt(2);
                }
            }
            if (held != null && shape == SHAPE) {
                return new Registered(held, null);
            }
            String schema = create(connection);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO projection_registry (active_schema, shape) VALUES (?, ?)
                    ON CONFLICT (singleton) DO UPDATE
                    SET active_schema = excluded.active_schema, shape = excluded.shape, switched_at = now()""")) {
                upsert.setString(1, schema);
                upsert.setInt(2, SHAPE);
                upsert.executeUpdate();
            }
            if (held != null) {
                drop(connection, held);
            }
            return new Registered(schema, held);
        }
    }

    /** A new, empty projection, not yet read by anyone. */
    String createNext() {
        return transactions.run(ProjectionSchemas::create);
    }

    /** Makes {@code schema} the one reports read, here and on every instance that starts after. */
    void register(String schema) {
        transactions.run(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE projection_registry SET active_schema = ?, shape = " + SHAPE + ", switched_at = now()")) {
                update.setString(1, schema);
                return update.executeUpdate();
            }
        });
    }

    /** Drops a projection no one reads any more. */
    void drop(String schema) {
        transactions.run(connection -> drop(connection, schema));
    }

    /** Creates the next projection schema with its empty tables, in the caller's transaction. */
    private static String create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String schema;
            try (ResultSet next = statement.executeQuery("SELECT nextval('projection_number')")) {
                next.next();
                schema = "projection_" + next.getLong(1);
            }
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET LOCAL search_path TO " + schema);
            for (String script : SCHEMA_SCRIPTS) {
                statement.execute(resource(script));
            }
            statement.execute("SET LOCAL search_path TO public");
            return schema;
        }
    }

    /** Drops every projection (a database cleaned before it is migrated starts without any). */
    void dropAll() {
        transactions.run(connection -> {
            List<String> schemas = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'projection\\_%'")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                drop(connection, schema);
            }
            return schemas;
        });
    }

    /** Drops a projection with its tables; reads still on it finish first (DROP waits for their locks). */
    private static String drop(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        return schema;
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
