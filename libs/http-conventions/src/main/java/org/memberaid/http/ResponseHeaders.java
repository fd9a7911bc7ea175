package org.memberaid.http;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Headers settled when an answer's headers are complete, on every route (the API, the OpenAPI
 * document, health): whoever made the answer, these hold.
 * <ul>
 * <li>A 503 without {@code Retry-After} gets one ({@value #RETRY_AFTER_SECONDS} s), health's
 * "not ready" included.</li>
 * <li>An answer Quarkus would compress (its media type is in {@code quarkus.http.compress-media-types})
 * stays uncompressed below {@code memberaid.http.compression-threshold} (1K): Vert.x compresses
 * whatever the size, and a deflater for a 600-byte registration answer costs more than the bytes
 * it saves. A larger one varies on {@code Accept-Encoding}, which it now says.</li>
 * </ul>
 * Costs one headers-end callback per request.
 */
@Singleton
public class ResponseHeaders {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    @Inject
    QuarkusCompressionConfig quarkus;

    @Inject
    CompressionConfig config;

    void onApi(@Observes Router router) {
        boolean compression = quarkus.enableCompression();
        long smallest = config.compressionThreshold().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION - 1).handler(context -> {
            context.addHeadersEndHandler(ignored -> settle(context, compression, smallest));
            context.next();
        });
    }

    /** The management interface compresses nothing: only Retry-After applies there. */
    void onManagement(@Observes ManagementInterface management) {
        management.router().route().order(RouteConstants.ROUTE_ORDER_COMPRESSION - 1).handler(context -> {
            context.addHeadersEndHandler(ignored -> settle(context, false, 0));
            context.next();
        });
    }

    static void settle(RoutingContext context, boolean compression, long threshold) {
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        int status = response.getStatusCode();
        if (status == 503 && !headers.contains(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        // Quarkus marks an answer it will not compress "Content-Encoding: identity" (Vert.x drops
        // that header when it writes); an answer without Content-Encoding is compressed if the
        // client accepts it. Netty leaves 204, 304 and HEAD answers alone, header included.
        if (!compression || headers.contains(HttpHeaders.CONTENT_ENCODING)) {
            return;
        }
        if (length(headers) < threshold && status != 204 && status != 304
                && context.request().method() != HttpMethod.HEAD) {
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        } else if (status != 204) {
            headers.add(HttpHeaders.VARY, ACCEPT_ENCODING);
        }
    }

    /** The answer's Content-Length; unknown (a chunked answer) counts as large. */
    private static long length(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? Long.MAX_VALUE : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
