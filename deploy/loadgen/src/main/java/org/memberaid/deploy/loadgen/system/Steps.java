package org.memberaid.deploy.loadgen.system;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.Durations;

/** The steps of the system test: each printed as it starts and with how long it took. */
final class Steps {

    interface Step {
        void run() throws Exception;
    }

    private record Timing(String name, Duration took) {
    }

    private static final int SHOWN_PROBLEMS = 50;

    private final PrintStream out;
    private final List<Timing> timings = new ArrayList<>();
    private final long started = System.nanoTime();

    Steps(PrintStream out) {
        this.out = out;
    }

    void run(String name, Step step) throws Exception {
        call(name, () -> {
            step.run();
            return null;
        });
    }

    <T> T call(String name, Callable<T> step) throws Exception {
        out.printf("%n[%s] %s%n", Durations.seconds(Duration.ofNanos(System.nanoTime() - started)), name);
        long begun = System.nanoTime();
        try {
            return step.call();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - begun);
            timings.add(new Timing(name, took));
            out.printf("    (%s)%n", Durations.seconds(took));
        }
    }

    /** Prints the steps' times and the verdict of {@code test}; the exit status. */
    int verdict(String test, List<String> problems) {
        printSummary();
        if (problems.isEmpty()) {
            out.println(test + " passed.");
            return Scenario.SUCCESS;
        }
        out.println(test + " FAILED:");
        problems.stream().limit(SHOWN_PROBLEMS).forEach(problem -> out.println("  " + problem));
        if (problems.size() > SHOWN_PROBLEMS) {
            out.println("  ... and " + (problems.size() - SHOWN_PROBLEMS) + " more");
        }
        return Scenario.FAILURE;
    }

    private void printSummary() {
        out.println();
        out.println("Steps:");
        for (Timing timing : timings) {
            out.printf("  %8s  %s%n", Durations.seconds(timing.took()), timing.name());
        }
        out.printf("  %8s  in all%n", Durations.seconds(Duration.ofNanos(System.nanoTime() - started)));
    }
}
