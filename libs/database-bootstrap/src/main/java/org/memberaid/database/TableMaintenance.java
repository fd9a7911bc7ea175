package org.memberaid.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.memberaid.database.DatabaseConfig.Maintenance;

/**
 * Vacuums and analyzes the service's tables when PostgreSQL's autovacuum does not, on
 * autovacuum's own thresholds (the server's {@code autovacuum_*_threshold} and
 * {@code *_scale_factor} settings).
 *
 * <p>Without ANALYZE a table keeps the statistics it had when it was created, empty. A statement
 * that a pooled connection prepared while the table was small keeps the plan made for it (a
 * sequential scan) until the table's statistics change, so every lookup by key read the whole
 * table: registering got slower with every member, and reporting spent 56 ms per event batch
 * locking members it could have found by their primary key. Without VACUUM, tables that are
 * updated or emptied all the time (the outbox, funds' totals) drag their dead rows along.
 *
 * <p>{@code memberaid.database.maintenance}: {@code when-autovacuum-off} (default), {@code always}
 * or {@code off}. Checked every {@code memberaid.database.maintenance-interval}; a check is one
 * query on the statistics views, and only tables past a threshold are touched.
 */
@ApplicationScoped
public class TableMaintenance {

    private static final Logger LOG = Logger.getLogger(TableMaintenance.class);

    /** Tables this role owns, with whether each is due for VACUUM and for ANALYZE. */
    private static final String DUE = """
            SELECT format('%I.%I', s.schemaname, s.relname),
                   s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                       + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0),
                   s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                       + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE pg_has_role(c.relowner, 'USAGE')
            ORDER BY 1""";

    @Inject
    DatabaseConfig config;

    @Inject
    DirectConnections connections;

    private ScheduledExecutorService scheduler;
    private String lastProblem;

    synchronized void start(@Observes DatabaseReady ready) {
        if (scheduler != null || config.maintenance() == Maintenance.OFF) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "table-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long millis = config.maintenanceInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void check() {
        try {
            List<String> done = maintainDueTables();
            if (!done.isEmpty()) {
                LOG.debugf("Table maintenance: %s", done);
            }
            lastProblem = null;
        } catch (SQLException e) {
            String problem = "Table maintenance failed: " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warn(problem);
                lastProblem = problem;
            }
        }
    }

    /** Vacuums and analyzes the tables that are due; returns the commands it ran. */
    List<String> maintainDueTables() throws SQLException {
        try (Connection connection = connections.toServiceDatabase(); Statement statement = connection.createStatement()) {
            if (config.maintenance() != Maintenance.ALWAYS && autovacuumRuns(statement)) {
                return List.of();
            }
            List<String> commands = new ArrayList<>();
            try (ResultSet due = statement.executeQuery(DUE)) {
                while (due.next()) {
                    command(due.getString(1), due.getBoolean(2), due.getBoolean(3)).ifPresent(commands::add);
                }
            }
            for (String command : commands) {
                statement.execute(command);
            }
            return commands;
        }
    }

    private static boolean autovacuumRuns(Statement statement) throws SQLException {
        try (ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
            return setting.next() && "on".equals(setting.getString(1).toLowerCase(Locale.ROOT));
        }
    }

    /** SKIP_LOCKED: a table being dropped or migrated is left for the next check. */
    private static Optional<String> command(String table, boolean vacuum, boolean analyze) {
        if (vacuum) {
            return Optional.of("VACUUM (SKIP_LOCKED" + (analyze ? ", ANALYZE) " : ") ") + table);
        }
        return analyze ? Optional.of("ANALYZE (SKIP_LOCKED) " + table) : Optional.empty();
    }
}
