package org.memberaid.reporting.projection;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far the projection has applied one partition, against what the broker holds. */
@Schema(name = "PartitionFreshness")
public record PartitionFreshness(@Schema(examples = "members.events") String topic, int partition,
        @Schema(nullable = true, description = "last offset applied; null before the first") Long appliedOffset,
        @Schema(nullable = true,
                description = "the broker's end offset (next to be written); null when the broker is unreachable")
        Long endOffset,
        @Schema(nullable = true, description = "records written but not yet applied; null when the broker is "
                + "unreachable") Long lag,
        @Schema(nullable = true) Instant newestEventTime, @Schema(nullable = true) Instant appliedAt) {
}
