package org.memberaid.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaBrokerTestResourceTest {

    private final KafkaBrokerTestResource resource = new KafkaBrokerTestResource();

    @AfterEach
    void cleanUp() {
        resource.stop();
        System.clearProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE);
    }

    @Test
    void usesWhateverAlreadyAnswersOnTheAddress() throws Exception {
        try (ServerSocket external = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String bootstrap = "localhost:" + external.getLocalPort();
            System.setProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE, bootstrap);

            assertEquals(Map.of("kafka.bootstrap.servers", bootstrap), resource.start());
            assertTrue(KafkaBrokerTestResource.startedBroker().isEmpty());
        }
    }

    @Test
    void startsAFreshBrokerThatTestsCanRestartAndStopsIt() throws Exception {
        String bootstrap = "localhost:" + FreePorts.pair();
        System.setProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE, bootstrap);
        Files.createDirectories(KafkaBrokerTestResource.DATA_DIR);
        Files.writeString(KafkaBrokerTestResource.DATA_DIR.resolve("stale-file"), "from an earlier run");

        assertEquals(Map.of("kafka.bootstrap.servers", bootstrap), resource.start());
        LocalKafkaBroker broker = KafkaBrokerTestResource.startedBroker().orElseThrow();
        assertTrue(broker.isRunning());
        assertFalse(Files.exists(KafkaBrokerTestResource.DATA_DIR.resolve("stale-file")));

        broker.stop();
        assertFalse(LocalKafkaBroker.isReachable(bootstrap));
        broker.start();
        assertTrue(LocalKafkaBroker.isReachable(bootstrap));

        resource.stop();
        assertFalse(broker.isRunning());
        assertFalse(LocalKafkaBroker.isReachable(bootstrap));
        assertTrue(KafkaBrokerTestResource.startedBroker().isEmpty());
    }
}
