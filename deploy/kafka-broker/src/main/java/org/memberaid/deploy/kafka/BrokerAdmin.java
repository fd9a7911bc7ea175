package org.memberaid.deploy.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** The admin calls the launcher makes against the broker it started. */
final class BrokerAdmin implements AutoCloseable {

    /** Consumers rebuild their state from the topics, so nothing may ever be deleted from them. */
    private static final String RETENTION = "-1";

    private final Admin admin;

    BrokerAdmin(KafkaLogin login) {
        Properties config = new Properties();
        config.putAll(login.clientConfig());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "memberaid-kafka-launcher");
        // Short timeouts and backoffs: the caller polls against its own deadline.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "200");
        this.admin = Admin.create(config);
    }

    /** Whether the broker answers a metadata request within the timeout. */
    boolean answers(Duration timeout) {
        try {
            return !await(admin.describeCluster().nodes(), timeout).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** How many brokers the cluster describes; 0 when it does not answer within the timeout. */
    int brokerCount(Duration timeout) {
        try {
            return await(admin.describeCluster().nodes(), timeout).size();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }

    /**
     * Creates those of the topics that do not exist yet and returns once the broker describes all of
     * them, so that clients started right afterwards find them. Fails on the first error, including
     * the transient ones of a broker that is still registering; the caller retries.
     */
    void ensureTopics(List<String> topics, ClusterMember member, Duration timeout)
            throws ExecutionException, TimeoutException {
        createMissingTopics(topics, member, timeout);
        await(admin.describeTopics(topics).allTopicNames(), timeout);
    }

    /** {@link #ensureTopics}, answering whether it succeeded: a broker still starting fails, and is asked again. */
    boolean provisionedTopics(List<String> topics, ClusterMember member, Duration timeout) {
        try {
            ensureTopics(topics, member, timeout);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** {@link #ensureExactly} the services' ACLs, answering whether it succeeded. */
    boolean grantedServiceAcls(Duration timeout) {
        try {
            ensureExactly(BrokerUsers.serviceAcls(), timeout);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Grants the given ACLs and revokes any other ACL of the same principals, so that after a start
     * the services' users can do exactly what the launcher says. Creating an ACL that exists is a no-op.
     */
    void ensureExactly(List<AclBinding> acls, Duration timeout) throws ExecutionException, TimeoutException {
        await(admin.createAcls(acls).all(), timeout);
        Set<String> principals = acls.stream().map(acl -> acl.entry().principal()).collect(Collectors.toSet());
        List<AclBindingFilter> stale = await(admin.describeAcls(AclBindingFilter.ANY).values(), timeout).stream()
                .filter(acl -> principals.contains(acl.entry().principal()))
                .filter(acl -> !acls.contains(acl))
                .map(AclBinding::toFilter)
                .toList();
        if (!stale.isEmpty()) {
            await(admin.deleteAcls(stale).all(), timeout);
        }
    }

    private void createMissingTopics(List<String> topics, ClusterMember member, Duration timeout)
            throws ExecutionException, TimeoutException {
        Map<String, String> config = Map.of(TopicConfig.RETENTION_MS_CONFIG, RETENTION,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(member.minInsyncReplicas()));
        Set<String> existing = await(admin.listTopics().names(), timeout);
        List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, BrokerSettings.TOPIC_PARTITIONS, (short) member.replicationFactor())
                        .configs(config))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            awaitIgnoringExisting(admin.createTopics(missing).values().values(), timeout);
        }
    }

    private static void awaitIgnoringExisting(Collection<KafkaFuture<Void>> creations, Duration timeout)
            throws ExecutionException, TimeoutException {
        for (KafkaFuture<Void> creation : creations) {
            try {
                await(creation, timeout);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future, Duration timeout) throws ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to the Kafka broker", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
