package org.memberaid.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.deploy.kafka.TopicWriter;

/**
 * Recorded sample events (JSON fixtures under {@code fixtures/}) written to the topics as the
 * producers write them. A fixture names its ids as placeholders, so each test replays it with
 * fresh ids and its own county codes: {@code {{id}}} is a new UUID at every use,
 * {@code {{member:a}}} (or fund:, disbursement:, assistance:, batch:) the same new UUID for every use
 * in one replay, and {@code {{county}}} a value the test gives.
 */
public final class EventFixtures implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)(?::(\\w+))?}}");

    private final TopicWriter writer =
            new TopicWriter(KafkaBrokerTestResource.admin());

    /** Replays a fixture; returns the ids its named placeholders got (e.g. "member:a"). */
    public Map<String, String> replay(String fixture, Map<String, String> values) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode record : parse(fill(read(fixture), values, ids))) {
            send(record.get("topic").asText(), record.get("key").asText(), record.get("value").toString());
        }
        return ids;
    }

    public void send(String topic, String key, String value) {
        writer.send(topic, key, value);
    }

    @Override
    public void close() {
        writer.close();
    }

    static String fill(String template, Map<String, String> values, Map<String, String> ids) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String replacement;
            if (placeholder.group(2) != null) {
                replacement = ids.computeIfAbsent(name + ":" + placeholder.group(2), key -> UUID.randomUUID().toString());
            } else if (name.equals("id")) {
                replacement = UUID.randomUUID().toString();
            } else if (values.containsKey(name)) {
                replacement = values.get(name);
            } else {
                throw new IllegalArgumentException("No value for {{" + name + "}}");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String fixture) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
