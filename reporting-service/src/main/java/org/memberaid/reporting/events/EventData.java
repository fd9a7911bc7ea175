package org.memberaid.reporting.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the fields of an event's {@code data} the contract promises; a missing or malformed one
 * is a {@link ContractViolation} naming the field, and the event goes to the dead-letter table.
 */
final class EventData {

    private final JsonNode data;

    EventData(JsonNode data) {
        this.data = data;
    }

    String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw new ContractViolation("data." + field + " is required");
        }
        return value;
    }

    String optionalText(String field) {
        JsonNode node = data.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ContractViolation("data." + field + " must be a string");
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    String oneOf(String field, Set<String> allowed) {
        String value = text(field);
        if (!allowed.contains(value)) {
            throw new ContractViolation("data." + field + " '" + value + "' is not one of " + allowed);
        }
        return value;
    }

    UUID uuid(String field) {
        return uuid(field, text(field));
    }

    LocalDate date(String field) {
        String value = text(field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ContractViolation("data." + field + " '" + value + "' is not a yyyy-MM-dd date");
        }
    }

    LocalDate optionalDate(String field) {
        return optionalText(field) == null ? null : date(field);
    }

    BigDecimal money(String field) {
        JsonNode node = data.path(field);
        if (!node.isNumber()) {
            throw new ContractViolation("data." + field + " must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw new ContractViolation("data." + field + " must be a non-negative amount in fen precision");
        }
        return value;
    }

    int integer(String field) {
        JsonNode node = data.path(field);
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new ContractViolation("data." + field + " must be an integer");
        }
        return node.intValue();
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(field + " '" + value + "' is not a UUID");
        }
    }
}
