package org.memberaid.relief.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.memberaid.events.CloudEvent;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.events.inbox.EventInbox;

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

    /** Reads one consumed event into relief's typed copy of it. */
    @FunctionalInterface
    interface Reader<T> {
        T read(CloudEvent event, ObjectMapper json) throws Unreadable;
    }

    /**
     * The newest change per member of a batch of events (a multi-row upsert may not touch a row
     * twice), in the order members first appear; an event relief cannot read is dead-lettered with
     * the reason, and the rest of the batch applies.
     */
    static <T> Map<UUID, T> newestPerMember(List<ConsumedEvent> events, EventInbox inbox, ObjectMapper json,
            Reader<T> reader, Function<T, UUID> member, ToLongFunction<T> version) {
        Map<UUID, T> newest = new LinkedHashMap<>();
        for (ConsumedEvent consumed : events) {
            CloudEvent event = consumed.event();
            try {
                T change = reader.read(event, json);
                newest.merge(member.apply(change), change,
                        (held, next) -> version.applyAsLong(next) > version.applyAsLong(held) ? next : held);
            } catch (Unreadable e) {
                inbox.deadLetter(consumed, event.type() + " " + event.id() + ": " + e.getMessage());
            }
        }
        return newest;
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
