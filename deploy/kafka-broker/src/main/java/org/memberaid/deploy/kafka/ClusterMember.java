package org.memberaid.deploy.kafka;

import java.util.Objects;

/**
 * A broker's place in its KRaft cluster: its node id, the controller quorum (every node is broker
 * and controller), the replication of the topics and Kafka's internal topics, and the cluster id all
 * nodes were formatted with (null: a fresh one at formatting, as for a single broker).
 *
 * @param nodeId            this node's {@code node.id}
 * @param voters            {@code controller.quorum.voters}: {@code id@host:controllerPort,...}
 * @param replicationFactor replicas of every topic (1 for a single broker, 3 for the local cluster)
 * @param clusterId         the cluster id to format with, or null for a new one
 */
public record ClusterMember(int nodeId, String voters, int replicationFactor, String clusterId) {

    public ClusterMember {
        Objects.requireNonNull(voters, "voters");
        if (nodeId < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("node id and replication factor must be positive");
        }
    }

    /** The only node of a single-broker cluster. */
    static ClusterMember single(BrokerSettings settings) {
        return new ClusterMember(1, "1@" + settings.host() + ":" + settings.controllerPort(), 1, null);
    }

    /** In-sync replicas a write needs: 2 once there are replicas to spare, so one broker may be lost. */
    public int minInsyncReplicas() {
        return replicationFactor > 2 ? 2 : 1;
    }
}
