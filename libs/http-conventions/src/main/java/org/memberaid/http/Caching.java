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
     * Only the caller's own cache may keep the answer (it depends on who asks: their region, their
     * roles; much of it is personal data), and must revalidate it before each use.
     */
    public static final String PRIVATE_NO_CACHE = "private, no-cache";

    private Caching() {
    }

    /** The ETag of a resource at {@code version}. */
    public static EntityTag version(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A read of one resource at {@code tag}: {@value #PRIVATE_NO_CACHE}, varying on Authorization. */
    public static Response.ResponseBuilder revalidated(Response.ResponseBuilder answer, EntityTag tag) {
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, PRIVATE_NO_CACHE)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
}
