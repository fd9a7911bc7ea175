package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The report members-service gives for a CSV import:
 * {@code {received, imported, rejected: [{line, nationalId, violations: [...]}]}}.
 *
 * @param rejected one line per rejected row, as it will be printed
 */
record ImportAnswer(long received, long imported, List<String> rejected) {

    /** @throws IllegalArgumentException when the body does not have the report's shape */
    static ImportAnswer parse(JsonNode body) {
        JsonNode received = body.get("received");
        JsonNode imported = body.get("imported");
        JsonNode rejected = body.get("rejected");
        if (received == null || !received.canConvertToLong() || imported == null || !imported.canConvertToLong()
                || rejected == null || !rejected.isArray()) {
            throw new IllegalArgumentException("not an import report");
        }
        List<String> rejections = new ArrayList<>();
        for (JsonNode row : rejected) {
            rejections.add("line " + row.path("line").asText("?") + ", nationalId " + row.path("nationalId").asText("?")
                    + ": " + row.path("violations"));
        }
        return new ImportAnswer(received.asLong(), imported.asLong(), rejections);
    }
}
