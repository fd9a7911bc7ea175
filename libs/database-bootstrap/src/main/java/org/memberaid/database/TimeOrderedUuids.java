package org.memberaid.database;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562 §5.7): the first 48 bits are the Unix time in milliseconds, the other
 * 74 of the 122 free bits random (from {@link SecureRandom}, as {@link UUID#randomUUID()}).
 *
 * <p>Why: a primary key or an event id that is a random (version 4) UUID lands on a random leaf of
 * its B-tree index, so once the index outgrows the cache every insert reads and dirties a page of
 * its own. Ids made in the same moment sort together instead: inserts fill the same few rightmost
 * pages (members, disbursements, outbox rows, and the consumers' processed-event ids). They stay
 * unguessable; they reveal their creation time, to the millisecond, which the records show anyway.
 */
public final class TimeOrderedUuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuids() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (random[i] & 0xFFL);
        }
        long mostSignificant = ((unixMillis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | randA;
        long leastSignificant = 0x8000_0000_0000_0000L | (randB & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(mostSignificant, leastSignificant);
    }
}
