package org.memberaid.relief.events;

import io.smallrye.config.ConfigMapping;

/** Relief's consumption of members.events. */
@ConfigMapping(prefix = "memberaid.relief")
public interface ReplicaConsumerConfig {

    /** The consumer group of relief's instances: they share the partitions and one replica. */
    String consumerGroup();
}
