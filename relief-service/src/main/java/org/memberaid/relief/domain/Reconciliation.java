package org.memberaid.relief.domain;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bank's answer to a payment batch, checked whole before anything applies: a
 * {@link #parse parsed} file, then {@link #check checked} against the batch's lines. Every row that
 * breaks a rule is reported with its line and the rule; a file with any such row changes nothing.
 * A row repeating an outcome recorded earlier changes nothing either (a file sent twice).
 */
public final class Reconciliation {

    public static final String HEADER = "reference,status,amount,bank_reference,date,reason";
    public static final int COLUMNS = 6;
    public static final int BANK_REFERENCE_LENGTH = 64;
    public static final int REASON_LENGTH = 500;

    public static final String MALFORMED = "malformed-line";
    public static final String UNKNOWN_REFERENCE = "unknown-reference";
    public static final String OTHER_BATCH = "reference-of-another-batch";
    public static final String DUPLICATE = "duplicate-reference";
    public static final String AMOUNT_DIFFERS = "amount-differs";
    public static final String REASON_REQUIRED = "reason-required";
    public static final String DATE_IN_FUTURE = "date-in-future";
    public static final String OUTCOME_CONFLICTS = "outcome-conflicts";

    public enum Outcome {
        PAID, FAILED
    }

    /** A readable row; {@code line} is its line in the file (the header is line 1). */
    public record Row(long line, String reference, Outcome outcome, BigDecimal amount, String bankReference,
            LocalDate date, String reason) {
    }

    /** A row that breaks {@code rule}. */
    public record BadLine(long line, String reference, String rule, String detail) {
    }

    /** A line of a payment batch that a row may name: its batch, amount and outcome so far (null: none yet). */
    public record Known(UUID batchId, int line, UUID disbursementId, BigDecimal amount, Outcome outcome) {
    }

    /** The rows that apply (each with the batch line it settles) and how many repeat an earlier outcome. */
    public record Checked(List<Settled> settled, int unchanged, List<BadLine> bad) {

        public boolean refused() {
            return !bad.isEmpty();
        }
    }

    public record Settled(Row row, Known line) {
    }

    /** The readable rows and the unreadable ones of a file. */
    public record Parsed(List<Row> rows, List<BadLine> bad) {
    }

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private Reconciliation() {
    }

    /** Reads the file; a row that cannot be read is a {@value #MALFORMED} bad line. */
    public static Parsed parse(byte[] csv) {
        List<Row> rows = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(withoutByteOrderMark(csv)),
                StandardCharsets.UTF_8);
                MappingIterator<String[]> records = MAPPER.readerFor(String[].class).readValues(reader)) {
            boolean header = true;
            while (records.hasNextValue()) {
                long line = records.getCurrentLocation().getLineNr();
                String[] fields = records.nextValue();
                if (header) {
                    header = false;
                    if (!HEADER.equalsIgnoreCase(String.join(",", fields))) {
                        bad.add(new BadLine(line, null, MALFORMED, "The first row must be the header " + HEADER));
                        return new Parsed(rows, bad);
                    }
                    continue;
                }
                read(line, fields, rows, bad);
            }
            if (header) {
                bad.add(new BadLine(1, null, MALFORMED, "The file is empty; it must start with the header " + HEADER));
            } else if (rows.isEmpty() && bad.isEmpty()) {
                bad.add(new BadLine(2, null, MALFORMED, "The file has no row after its header"));
            }
        } catch (IOException | RuntimeException e) {
            bad.add(new BadLine(rows.size() + bad.size() + 2L, null, MALFORMED,
                    "The file is not readable CSV from here on: " + e.getMessage()));
        }
        return new Parsed(rows, bad);
    }

    private static void read(long line, String[] fields, List<Row> rows, List<BadLine> bad) {
        if (fields.length != COLUMNS) {
            bad.add(new BadLine(line, fields.length > 0 ? fields[0] : null, MALFORMED, "A row has " + COLUMNS
                    + " columns (" + HEADER + "), this one " + fields.length));
            return;
        }
        String reference = fields[0];
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(fields[1]);
        } catch (IllegalArgumentException e) {
            bad.add(new BadLine(line, reference, MALFORMED, "status must be PAID or FAILED, not '" + fields[1] + "'"));
            return;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(fields[2]);
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.scale() > 2 || amount.signum() <= 0) {
            bad.add(new BadLine(line, reference, MALFORMED, "amount must be a positive number of yuan with at most "
                    + "two decimals, not '" + fields[2] + "'"));
            return;
        }
        String bankReference = fields[3];
        if (bankReference.isEmpty() || bankReference.length() > BANK_REFERENCE_LENGTH) {
            bad.add(new BadLine(line, reference, MALFORMED, "bank_reference must have 1 to " + BANK_REFERENCE_LENGTH
                    + " characters"));
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields[4]);
        } catch (DateTimeParseException e) {
            bad.add(new BadLine(line, reference, MALFORMED, "date must be YYYY-MM-DD, not '" + fields[4] + "'"));
            return;
        }
        String reason = fields[5].isEmpty() ? null : fields[5];
        if (reason != null && reason.length() > REASON_LENGTH) {
            bad.add(new BadLine(line, reference, MALFORMED, "reason must have at most " + REASON_LENGTH
                    + " characters"));
            return;
        }
        rows.add(new Row(line, reference, outcome, amount, bankReference, date, reason));
    }

    /**
     * Checks the rows against what the database knows of their references ({@code known}: every
     * batch line of each reference, in any batch) for the batch {@code batchId}.
     */
    public static Checked check(UUID batchId, List<Row> rows, Map<UUID, List<Known>> known, LocalDate today) {
        List<Settled> settled = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (Row row : rows) {
            if (!seen.add(row.reference())) {
                bad.add(new BadLine(row.line(), row.reference(), DUPLICATE, "A second row for this reference"));
                continue;
            }
            List<Known> lines = known.getOrDefault(reference(row.reference()), List.of());
            Known line = lines.stream().filter(k -> k.batchId().equals(batchId)).findFirst().orElse(null);
            if (line == null) {
                bad.add(lines.isEmpty()
                        ? new BadLine(row.line(), row.reference(), UNKNOWN_REFERENCE, "No payment line has this reference")
                        : new BadLine(row.line(), row.reference(), OTHER_BATCH, "The reference is paid in batch "
                                + lines.get(0).batchId() + ", not in this one"));
                continue;
            }
            String broken = broken(row, line, today);
            if (broken != null) {
                bad.add(new BadLine(row.line(), row.reference(), broken, detail(broken, row, line)));
            } else if (line.outcome() == row.outcome()) {
                unchanged++;
            } else {
                settled.add(new Settled(row, line));
            }
        }
        return new Checked(settled, unchanged, bad);
    }

    private static String broken(Row row, Known line, LocalDate today) {
        if (row.amount().compareTo(line.amount()) != 0) {
            return AMOUNT_DIFFERS;
        }
        if (row.outcome() == Outcome.FAILED && (row.reason() == null || row.reason().isBlank())) {
            return REASON_REQUIRED;
        }
        if (row.date().isAfter(today)) {
            return DATE_IN_FUTURE;
        }
        if (line.outcome() != null && line.outcome() != row.outcome()) {
            return OUTCOME_CONFLICTS;
        }
        return null;
    }

    private static String detail(String rule, Row row, Known line) {
        return switch (rule) {
            case AMOUNT_DIFFERS -> "The line pays " + line.amount().toPlainString() + ", the row says "
                    + row.amount().toPlainString();
            case REASON_REQUIRED -> "A FAILED row must say why in 'reason'";
            case DATE_IN_FUTURE -> "The date " + row.date() + " is after today";
            default -> "The line was reconciled " + line.outcome() + " before; the row says " + row.outcome();
        };
    }

    /** The disbursement id a reference names, or null when it names none. */
    public static UUID reference(String reference) {
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] withoutByteOrderMark(byte[] csv) {
        boolean bom = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF;
        return bom ? java.util.Arrays.copyOfRange(csv, 3, csv.length) : csv;
    }
}
