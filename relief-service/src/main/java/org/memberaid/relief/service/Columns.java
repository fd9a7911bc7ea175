package org.memberaid.relief.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the row mappers ({@link FundRows}, {@link PolicyRows}, {@link MemberRows},
 * {@link AssistanceRows}) share: a select list whose columns are named by a prefix, so that one
 * mapping reads its table's columns by name wherever a query joins it.
 */
final class Columns {

    private Columns() {
    }

    /** {@code "a.x AS px, a.y AS py"}: the table's columns under alias {@code a}, each labelled {@code prefix + name}. */
    static String aliased(String tableAlias, String prefix, List<String> names) {
        return names.stream().map(name -> tableAlias + "." + name + " AS " + prefix + name)
                .collect(Collectors.joining(", "));
    }

    /** The instant of a {@code TIMESTAMPTZ} column, or null. */
    static Instant instant(ResultSet row, String label) throws SQLException {
        OffsetDateTime time = row.getObject(label, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

}
