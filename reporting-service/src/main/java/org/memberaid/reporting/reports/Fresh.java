package org.memberaid.reporting.reports;

import java.time.Instant;

/** A value and how fresh the data behind it is: the time of the newest event applied (null before the first). */
public record Fresh<T>(Instant asOf, T value) {
}
