package org.memberaid.deploy.loadgen.csv;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, as the services read and write it: CRLF line ends, quoted fields where needed. */
public final class Csv {

    public static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** Appends one record and its CRLF. */
    public static void appendRecord(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /** Quotes a field holding a comma, a quote or a line break, doubling its quotes (RFC 4180, 2.6–2.7). */
    public static String escape(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /**
     * The records of a whole file, each a list of fields; a line break inside quotes belongs to its
     * field, CRLF or LF ends a record, and a last line end is optional.
     *
     * @throws IllegalArgumentException for a quote that is never closed or text after a closing quote
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                int closing = i + 1;
                while (true) {
                    closing = text.indexOf('"', closing);
                    if (closing < 0) {
                        throw new IllegalArgumentException("a quoted field opened at character " + i + " is never closed");
                    }
                    if (closing + 1 < text.length() && text.charAt(closing + 1) == '"') {
                        closing += 2;
                        continue;
                    }
                    break;
                }
                field.append(text.substring(i + 1, closing).replace("\"\"", "\""));
                i = closing + 1;
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new IllegalArgumentException("text after the closing quote at character " + closing);
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                field.append(c);
                i++;
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
