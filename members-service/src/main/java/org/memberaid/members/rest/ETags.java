package org.memberaid.members.rest;

import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;
import org.memberaid.members.domain.Member;

/** A member's ETag is its version; If-Match must name the version the client read. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(Member member) {
        return new EntityTag(String.valueOf(member.version));
    }

    /** The version named by an If-Match header, or empty when the header is not one we issued. */
    static OptionalLong versionIn(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
