package org.memberaid.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A read whose {@code If-None-Match} names the ETag of the answer is answered 304 without a body,
 * keeping the answer's other headers (ETag, Cache-Control, Vary) so the client's cache can take
 * them. Every resource that sets an ETag on a 200 gets this; on other answers it costs one status
 * check.
 */
public class NotModified {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200) {
            return;
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || !(HttpMethod.GET.equals(request.getMethod())
                || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag != null && EntityTags.names(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
