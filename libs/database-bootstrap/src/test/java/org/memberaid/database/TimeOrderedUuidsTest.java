package org.memberaid.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        long millis = Instant.parse("2026-11-28T01:30:00.123Z").toEpochMilli();

        UUID id = TimeOrderedUuids.at(millis);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertTrue(id.toString().startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF)), id::toString);
    }

    @Test
    void sortsByTimeInPostgresOrderAndIsRandomWithinAMillisecond() {
        long millis = 1_795_000_000_000L;
        UUID earlier = TimeOrderedUuids.at(millis);
        UUID later = TimeOrderedUuids.at(millis + 1);
        // PostgreSQL compares uuids as unsigned bytes, as the text form does.
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);

        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(TimeOrderedUuids.at(millis));
        }
        assertEquals(10_000, sameMillisecond.size());
        assertNotEquals(TimeOrderedUuids.next(), TimeOrderedUuids.next());
    }
}
