package org.memberaid.reporting.rest;

import jakarta.ws.rs.core.EntityTag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The bytes of a report as sent, and their strong ETag: a digest of exactly those bytes, so the tag
 * changes when, and only when, the answer does (figures, the newest event's time, the year, the
 * caller's region, JSON or CSV, a byte-order mark). Made once with each cached rendering of the
 * county table, so the reports read most often cost nothing more.
 */
record Representation(byte[] bytes, EntityTag tag) {

    /** 128 bits of SHA-256: enough that two different answers never share a tag. */
    private static final int TAG_BYTES = 16;

    static Representation of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Representation(bytes, new EntityTag(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TAG_BYTES))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
