package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.memberaid.deploy.loadgen.cli.AccessTokens;

/** Reads reporting-service's /api/reports/freshness: events applied so far and how many wait. */
final class ReportingFreshness {

    /** @param applied events applied, summed over the partitions; @param lag events written but not applied, null if unknown */
    record Reading(long applied, Long lag) {

        boolean caughtUp() {
            return lag != null && lag == 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final String authorization;

    /** @param authorization the Authorization header of an analyst */
    ReportingFreshness(URI uri, String authorization) {
        this.uri = uri;
        this.authorization = authorization;
    }

    /** The current reading, or null when the service does not answer (yet). */
    Reading read() throws InterruptedException {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header(AccessTokens.AUTHORIZATION, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return null;
            }
            JsonNode body = JSON.readTree(answer.body());
            long applied = 0;
            for (JsonNode partition : body.path("partitions")) {
                if (!partition.path("appliedOffset").isNull()) {
                    applied += partition.path("appliedOffset").asLong() + 1;
                }
            }
            return new Reading(applied, body.path("lag").isNumber() ? body.path("lag").asLong() : null);
        } catch (IOException e) {
            return null;
        }
    }
}
