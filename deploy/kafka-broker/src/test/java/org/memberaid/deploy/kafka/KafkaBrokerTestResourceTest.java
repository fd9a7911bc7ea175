package org.memberaid.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTestResourceTest {

    private final KafkaBrokerTestResource resource = new KafkaBrokerTestResource();

    @TempDir
    Path external;

    @AfterEach
    void cleanUp() {
        resource.stop();
        System.clearProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE);
        System.clearProperty(KafkaBrokerTestResource.CREDENTIALS_VARIABLE);
    }

    @Test
    void usesTheBrokerAlreadyAnsweringOnTheAddressWithTheUsersPasswordsItIsGiven() throws Exception {
        Path credentials = Files.createDirectories(external.resolve("credentials"));
        for (String user : BrokerUsers.ALL) {
            Files.writeString(credentials.resolve(user), "password-of-" + user);
        }
        try (ServerSocket external = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String bootstrap = "localhost:" + external.getLocalPort();
            System.setProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE, bootstrap);
            System.setProperty(KafkaBrokerTestResource.CREDENTIALS_VARIABLE, credentials.toString());

            Map<String, String> configuration = resource.start();

            assertEquals(bootstrap, configuration.get("kafka.bootstrap.servers"));
            assertEquals("password-of-relief-service",
                    configuration.get(KafkaBrokerTestResource.PASSWORD_PROPERTY_PREFIX + "relief-service"));
            assertFalse(configuration.containsKey(KafkaBrokerTestResource.PASSWORD_PROPERTY_PREFIX + "admin"));
            assertEquals(new KafkaLogin(bootstrap, "admin", "password-of-admin"), KafkaBrokerTestResource.admin());
            assertTrue(KafkaBrokerTestResource.startedBroker().isEmpty());
        }
    }

    @Test
    void refusesABrokerAlreadyAnsweringWhenItHasNoPasswordsForIt() throws Exception {
        try (ServerSocket external = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.setProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE, "localhost:" + external.getLocalPort());

            IllegalStateException refused = assertThrows(IllegalStateException.class, resource::start);
            assertTrue(refused.getMessage().contains(KafkaBrokerTestResource.CREDENTIALS_VARIABLE));
        }
    }

    @Test
    void startsAFreshBrokerThatTestsCanRestartAndStopsIt() throws Exception {
        String bootstrap = "localhost:" + FreePorts.pair();
        System.setProperty(KafkaBrokerTestResource.BOOTSTRAP_VARIABLE, bootstrap);
        Files.createDirectories(KafkaBrokerTestResource.DATA_DIR);
        Files.writeString(KafkaBrokerTestResource.DATA_DIR.resolve("stale-file"), "from an earlier run");

        Map<String, String> configuration = resource.start();
        LocalKafkaBroker broker = KafkaBrokerTestResource.startedBroker().orElseThrow();
        assertEquals(bootstrap, configuration.get("kafka.bootstrap.servers"));
        for (String service : BrokerUsers.SERVICES) {
            assertEquals(broker.credentials().password(service),
                    configuration.get(KafkaBrokerTestResource.PASSWORD_PROPERTY_PREFIX + service));
        }
        assertEquals(broker.login(BrokerUsers.ADMIN), KafkaBrokerTestResource.admin());
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
