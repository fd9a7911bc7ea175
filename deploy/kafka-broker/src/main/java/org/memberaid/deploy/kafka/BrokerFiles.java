package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.OptionalLong;

/** The files a broker keeps in its data directory. */
final class BrokerFiles {

    private static final String LOG4J_CONFIG_RESOURCE = "broker-log4j2.properties";
    private static final int LOG_TAIL_BYTES = 6_000;
    private static final String START_MARKER = "===== LocalKafkaBroker: starting Kafka";

    private final Path dataDir;

    BrokerFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Kafka's own log directory (partitions, metadata log, meta.properties). */
    Path kafkaLogDir() {
        return dataDir.resolve("kafka-logs");
    }

    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    Path log4jConfig() {
        return dataDir.resolve("log4j2.properties");
    }

    Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    boolean isFormatted() {
        return Files.exists(kafkaLogDir().resolve("meta.properties"));
    }

    BrokerCredentials credentials() {
        return BrokerCredentials.ofDataDir(dataDir);
    }

    /**
     * Rewritten at every start, so a changed port or host takes effect on an existing data dir. It
     * holds the admin password the broker uses for itself, so only its owner may read it.
     */
    void writeConfiguration(BrokerSettings settings, ClusterMember member, String adminPassword) {
        try {
            Files.createDirectories(dataDir);
            BrokerCredentials.writePrivately(serverProperties(), serverPropertiesText(settings, member, adminPassword));
            try (InputStream log4j = BrokerFiles.class.getResourceAsStream(LOG4J_CONFIG_RESOURCE)) {
                if (log4j == null) {
                    throw new IllegalStateException("Missing resource " + LOG4J_CONFIG_RESOURCE);
                }
                Files.copy(log4j, log4jConfig(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the broker configuration into " + dataDir, e);
        }
    }

    /*
     * Clients authenticate with SCRAM-SHA-512 on the CLIENTS listener. The controller listener
     * cannot use SCRAM (its credentials live in the metadata the controller serves), and on
     * PLAINTEXT its callers would be User:ANONYMOUS, which the broker's own registration would need
     * as a super user: anyone on the machine could then administer the cluster through it. So it uses
     * SASL PLAIN with the one admin user, whose password only this file holds.
     */
    private String serverPropertiesText(BrokerSettings settings, ClusterMember member, String adminPassword) {
        String host = settings.host();
        return String.join("\n",
                "# Written by org.memberaid.deploy.kafka.LocalKafkaBroker at each start; edits are lost.",
                "process.roles=broker,controller",
                "node.id=" + member.nodeId(),
                "controller.quorum.voters=" + member.voters(),
                "listeners=CLIENTS://" + host + ":" + settings.port()
                        + ",CONTROLLER://" + host + ":" + settings.controllerPort(),
                "advertised.listeners=CLIENTS://" + host + ":" + settings.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENTS",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENTS:SASL_PLAINTEXT",
                "listener.name.clients.sasl.enabled.mechanisms=" + KafkaLogin.SASL_MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaLogin.SASL_MECHANISM,
                "listener.name.clients.scram-sha-512.sasl.jaas.config=" + KafkaLogin.jaasConfig(
                        "org.apache.kafka.common.security.scram.ScramLoginModule", BrokerUsers.ADMIN, adminPassword),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + KafkaLogin.jaasConfig(
                        "org.apache.kafka.common.security.plain.PlainLoginModule", BrokerUsers.ADMIN, adminPassword)
                        .replace(";", " user_" + BrokerUsers.ADMIN + "=\"" + adminPassword + "\";"),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=" + BrokerUsers.principal(BrokerUsers.ADMIN),
                "log.dirs=" + kafkaLogDir(),
                "num.partitions=" + BrokerSettings.TOPIC_PARTITIONS,
                "auto.create.topics.enable=false",
                "default.replication.factor=" + member.replicationFactor(),
                "min.insync.replicas=" + member.minInsyncReplicas(),
                "offsets.topic.replication.factor=" + member.replicationFactor(),
                "transaction.state.log.replication.factor=" + member.replicationFactor(),
                "transaction.state.log.min.isr=" + member.minInsyncReplicas(),
                "share.coordinator.state.topic.replication.factor=" + member.replicationFactor(),
                "share.coordinator.state.topic.min.isr=" + member.minInsyncReplicas(),
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    void writePid(long pid) {
        try {
            Files.writeString(pidFile(), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile(), e);
        }
    }

    OptionalLong readPid() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    void deletePid() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + pidFile(), e);
        }
    }

    /** Separates the starts in broker.log, which keeps the output of every start. */
    void markStartInLog(BrokerSettings settings) {
        String marker = START_MARKER + " on " + settings.bootstrapServers() + " at " + Instant.now() + "\n";
        try {
            Files.writeString(brokerLog(), marker, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + brokerLog(), e);
        }
    }

    /** An exception ending with broker.log since the last start: why the broker failed is there. */
    IllegalStateException failureWithLogTail(String message) {
        return new IllegalStateException(message + ". End of " + brokerLog() + ":\n" + brokerLogTail());
    }

    private String brokerLogTail() {
        String tail = lastBytesOfBrokerLog();
        int lastStart = tail.lastIndexOf(START_MARKER);
        return lastStart < 0 ? tail : tail.substring(lastStart);
    }

    private String lastBytesOfBrokerLog() {
        Path log = brokerLog();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            int firstFullLine = start == 0 ? 0 : text.indexOf('\n') + 1;
            return text.substring(firstFullLine);
        } catch (IOException e) {
            return "(" + log + " is not readable: " + e.getMessage() + ")";
        }
    }
}
