package org.memberaid.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Re-reads a county table in the background while the one in hand is served, one read per year
 * at a time: a table that has gone {@code cache.max-age} without a re-read may be missing what
 * another instance applied, but a reader should not wait for it.
 */
@ApplicationScoped
public class TableRefresher {

    private final Set<Integer> refreshing = ConcurrentHashMap.newKeySet();
    private final Executor refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "county-table-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code load} in the background unless a re-read of that year is already under way. */
    void refresh(int year, Runnable load) {
        if (refreshing.add(year)) {
            refresher.execute(() -> {
                try {
                    load.run();
                } finally {
                    refreshing.remove(year);
                }
            });
        }
    }
}
