package org.memberaid.http;

/**
 * Comparing the entity tags of an {@code If-None-Match} with a response's ETag, as RFC 9110
 * (13.1.2) asks for GET: {@code *} matches any, and the weak comparison ignores {@code W/}.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** Whether {@code list} (an If-None-Match: entity tags, or {@code *}) names {@code etag}. */
    public static boolean names(String list, String etag) {
        String wanted = opaque(etag.strip());
        int at = 0;
        while (at < list.length()) {
            int comma = list.indexOf(',', at);
            int end = comma < 0 ? list.length() : comma;
            String tag = list.substring(at, end).strip();
            if (tag.equals("*") || (!tag.isEmpty() && opaque(tag).equals(wanted))) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
