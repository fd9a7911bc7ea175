package org.memberaid.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's database lives, read from its JDBC URL: the server, the database name, and
 * the URL of the server's maintenance database from which a missing database can be created.
 */
public record PostgresLocation(String server, String database, String parameters) {

    private static final Pattern JDBC_URL =
            Pattern.compile("^jdbc:postgresql://([^/?]+)/([^/?]+)(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public static PostgresLocation parse(String jdbcUrl) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Expected jdbc:postgresql://host[:port]/database[?parameters], got " + jdbcUrl);
        }
        String database = m.group(2);
        // The name goes into CREATE DATABASE, which takes no bind parameters.
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name '" + database + "'");
        }
        return new PostgresLocation(m.group(1), database, m.group(3) == null ? "" : m.group(3));
    }

    public String maintenanceUrl() {
        return "jdbc:postgresql://" + server + "/postgres" + parameters;
    }
}
