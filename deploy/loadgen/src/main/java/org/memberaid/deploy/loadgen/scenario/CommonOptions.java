package org.memberaid.deploy.loadgen.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;

/** Options several scenarios share, and how they are read. */
public final class CommonOptions {

    /** deploy/loadgen.sh passes the data directory of the run scripts (MEMBERAID_DATA_DIR). */
    private static final String DATA_DIR_PROPERTY = "loadgen.data-dir";

    static final OptionSpec URL = OptionSpec.of("url", "http://localhost:8081", "base URL of members-service");
    static final OptionSpec PID_FILE = pidFileOf("members-service");
    public static final OptionSpec SEED = OptionSpec.optional("seed",
            "seed of the synthetic members, to repeat a run's members (default: random, printed)");

    private CommonOptions() {
    }

    /** The --pid-file option, by default the pid file deploy/run.sh writes for {@code service}. */
    static OptionSpec pidFileOf(String service) {
        return OptionSpec.of("pid-file", defaultPidFile(service).toString(),
                "pid file of the process whose memory (VmRSS) is sampled every 500 ms; skipped when missing");
    }

    static URI endpoint(Arguments arguments, String path) {
        return endpoint(arguments, URL, path);
    }

    /** The URL option {@code urlOption} (a base URL; trailing slashes dropped) followed by {@code path}. */
    static URI endpoint(Arguments arguments, OptionSpec urlOption, String path) {
        String base = arguments.string(urlOption.name());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --" + urlOption.name() + " must be a URL such as " + urlOption.defaultValue()
                    + ", not '" + base + "'");
        }
    }

    static Path pidFile(Arguments arguments) {
        return arguments.path(PID_FILE.name());
    }

    /** The --seed option, or a random seed (which the scenario prints, so that the run can be repeated). */
    public static long seed(Arguments arguments) {
        return arguments.optionalString(SEED.name())
                .map(CommonOptions::parseSeed)
                .orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L));
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("option --seed must be a whole number, not '" + text + "'");
        }
    }

    private static Path defaultPidFile(String service) {
        return Path.of(System.getProperty(DATA_DIR_PROPERTY, "deploy/.data"), "pids", service + ".pid");
    }
}
