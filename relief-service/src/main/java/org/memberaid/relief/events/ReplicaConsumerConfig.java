package org.memberaid.relief.events;

import io.smallrye.config.ConfigMapping;

/** Relief's consumption of members.events and members.payees. */
@ConfigMapping(prefix = "memberaid.relief")
public interface ReplicaConsumerConfig {

    /**
     * The consumer group of relief's instances: they share the partitions and one replica. The
     * payee details are read in the group of this name with {@code -payees} ({@link PayeeConsumer}).
     */
    String consumerGroup();
}
