package org.memberaid.members.service;

/** Counts the data rows of an RFC 4180 CSV file without parsing its fields. */
public final class CsvRows {

    private CsvRows() {
    }

    /**
     * The records after the header: line ends outside quoted fields, plus a last record without one;
     * blank lines are not records.
     */
    public static long count(byte[] csv) {
        long records = 0;
        boolean quoted = false;
        boolean empty = true;
        for (byte b : csv) {
            if (b == '"') {
                quoted = !quoted;
                empty = false;
            } else if (b == '\n' && !quoted) {
                if (!empty) {
                    records++;
                }
                empty = true;
            } else if (b != '\r') {
                empty = false;
            }
        }
        if (!empty) {
            records++;
        }
        return Math.max(0, records - 1);
    }
}
