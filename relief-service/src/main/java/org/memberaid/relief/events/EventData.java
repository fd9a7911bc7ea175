package org.memberaid.relief.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import java.util.stream.Collectors;
import org.memberaid.events.CloudEvent;

/**
 * Reads what relief takes of a consumed event: the member it is about (its subject) and its data as
 * relief's typed copy. What relief cannot take is {@link Unreadable}, whose message becomes the
 * reason of the event's dead letter.
 */
final class EventData {

    private EventData() {
    }

    /** Why an event cannot change relief's state: kept as the reason of its dead letter. */
    static final class Unreadable extends Exception {

        Unreadable(String reason) {
            super(reason);
        }
    }

    /** The member id the event's subject names. */
    static UUID memberId(CloudEvent event) throws Unreadable {
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("subject is not a member id: " + event.subject());
        }
    }

    /** The event's data as {@code type}; the reason names the field (data.&lt;path&gt;) it cannot read. */
    static <T> T read(CloudEvent event, ObjectMapper json, Class<T> type) throws Unreadable {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JsonMappingException e) {
            throw new Unreadable("data." + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Unreadable("data: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : String.valueOf(reference.getIndex())).collect(Collectors.joining("."));
    }
}
