package org.memberaid.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * The CloudEvents 1.0 JSON envelope every memberaid event travels in (docs/architecture.md, Contracts).
 * {@code sequence} is the version of the aggregate after the change, so consumers can ignore
 * an event older than the state they hold. {@code actor} (an extension attribute) is the subject
 * of the person whose request made the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        Long sequence,
        String actor,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** What a consumer needs before it can apply an event; a record missing any of it is dead-lettered. */
    public String contractViolation() {
        if (!SPEC_VERSION.equals(specversion)) {
            return "specversion must be 1.0";
        }
        if (id == null || type == null || type.isBlank() || subject == null || subject.isBlank()) {
            return "id, type and subject are required";
        }
        if (sequence == null || data == null || data.isNull()) {
            return "sequence and data are required";
        }
        return null;
    }
}
