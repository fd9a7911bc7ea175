package org.memberaid.members.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of causes as their names in declaration order, comma-separated ("" for none). */
@Converter
public class HardshipCausesConverter implements AttributeConverter<Set<HardshipCause>, String> {

    @Override
    public String convertToDatabaseColumn(Set<HardshipCause> causes) {
        return causes == null ? "" : EnumSet.copyOf(causes.isEmpty() ? EnumSet.noneOf(HardshipCause.class) : causes)
                .stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<HardshipCause> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(HardshipCause.class);
        }
        return Arrays.stream(column.split(",")).map(HardshipCause::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HardshipCause.class)));
    }
}
