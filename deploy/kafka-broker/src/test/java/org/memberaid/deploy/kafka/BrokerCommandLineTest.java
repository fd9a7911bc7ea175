package org.memberaid.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BrokerCommandLine commandLine = new BrokerCommandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dataDir;

    @Test
    void statusAndStopOfABrokerThatIsNotRunning() {
        String port = String.valueOf(FreePorts.pair());

        assertEquals(BrokerCommandLine.NOT_RUNNING, run("status", "--data-dir", dataDir.toString(), "--port", port));
        assertEquals(BrokerCommandLine.OK, run("stop", "--data-dir", dataDir.toString(), "--port", port));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("not running"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("No Kafka broker running"));
    }

    @Test
    void rejectsUnknownCommandsAndOptions() {
        assertEquals(BrokerCommandLine.USAGE, run());
        assertEquals(BrokerCommandLine.USAGE, run("restart"));
        assertEquals(BrokerCommandLine.USAGE, run("start", "--port"));
        assertEquals(BrokerCommandLine.USAGE, run("start", "--verbose", "yes"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage:"));
    }

    private int run(String... args) {
        return commandLine.run(args);
    }
}
