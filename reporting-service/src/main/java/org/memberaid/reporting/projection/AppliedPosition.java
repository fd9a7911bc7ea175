package org.memberaid.reporting.projection;

import java.time.Instant;

/**
 * Where a projection stands in one partition, as stored with its effects ({@code consumed_offset}).
 *
 * @param nextOffset the offset it resumes from: one past the last applied
 * @param newestEventTime the time of the newest event applied; null when none carried one
 */
public record AppliedPosition(long nextOffset, Instant newestEventTime, Instant appliedAt) {
}
