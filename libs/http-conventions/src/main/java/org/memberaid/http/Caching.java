package org.memberaid.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * How answers may be cached, for resources to state on their reads. Every read of one resource
 * carries a strong ETag (its version), so a client asks again with If-None-Match and gets a 304
 * ({@link NotModified}) when nothing changed.
 */
public final class Caching {

    /**
     * Personal data: only the caller's own cache may keep it, and must revalidate before each
     * use; the answer depends on who asks (their region, their roles).
     */
    public static final String PERSONAL = "private, no-cache";

    private Caching() {
    }

    /** The ETag of a resource at {@code version}. */
    public static EntityTag version(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A read of personal data at {@code tag}: {@value #PERSONAL}, varying on Authorization. */
    public static Response.ResponseBuilder personal(Response.ResponseBuilder answer, EntityTag tag) {
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, PERSONAL).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
}
