package org.memberaid.deploy.loadgen.scenario;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.memberaid.deploy.loadgen.csv.Csv;

/**
 * A payment batch's bank instruction file as docs/payments.md describes it, read back and checked:
 * UTF-8 without byte-order mark, a header row, one row per line of the batch, then the row
 * {@code CHECKSUM,<lines>,<total>,<sha256 of every byte before it>}.
 *
 * @param rows the batch's lines, in file order
 * @param problems what breaks the format (empty when none): each names the row and the rule
 * @param checksum the checksum row as the file states it, or null when it has none
 * @param sha256 the SHA-256 (lower-case hex) of the bytes before the checksum row, or of the whole file without one
 */
record BankFile(List<Row> rows, List<String> problems, Checksum checksum, String sha256) {

    static final List<String> HEADER = List.of("line", "payee_name", "account", "amount", "purpose", "reference");
    private static final String CHECKSUM_ROW = "CHECKSUM,";
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+\\.[0-9]{2}");
    /** The whole account number: the file is for the bank, not masked as the API's answers are. */
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12,30}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    record Row(int line, String payeeName, String account, BigDecimal amount, String purpose, String reference) {
    }

    /** What the checksum row states. */
    record Checksum(long lines, BigDecimal total, String sha256) {
    }

    BankFile {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** Reads the file; everything that breaks the format is in {@link #problems()}, nothing throws. */
    static BankFile read(byte[] bytes) {
        List<String> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new BankFile(List.of(), List.of("the file is not UTF-8"), null, sha256(bytes, bytes.length));
        }
        int newline = text.lastIndexOf("\n" + CHECKSUM_ROW);
        if (newline < 0) {
            problems.add("no checksum row (CHECKSUM,<lines>,<total>,<sha256>) at the end");
            return new BankFile(rows(text, problems), problems, null, sha256(bytes, bytes.length));
        }
        int checksumAt = newline + 1;
        String before = text.substring(0, checksumAt);
        if (!before.endsWith("\r\n")) {
            problems.add("the rows do not end in CRLF");
        }
        int bytesBefore = before.getBytes(StandardCharsets.UTF_8).length;
        if (before.startsWith(BYTE_ORDER_MARK)) {
            problems.add("the file starts with a byte-order mark");
            before = before.substring(BYTE_ORDER_MARK.length());
        }
        List<Row> rows = rows(before, problems);
        return new BankFile(rows, problems, checksum(text.substring(checksumAt), problems), sha256(bytes, bytesBefore));
    }

    BigDecimal total() {
        return rows.stream().map(Row::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Whether the checksum row states the rows' count, their total and the hash of the bytes before it. */
    boolean checksumMatches() {
        return checksum != null && checksum.lines() == rows.size() && checksum.total().compareTo(total()) == 0
                && checksum.sha256().equals(sha256);
    }

    private static List<Row> rows(String text, List<String> problems) {
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add("not RFC 4180 CSV: " + e.getMessage());
            return List.of();
        }
        if (records.isEmpty() || !records.get(0).equals(HEADER)) {
            problems.add("the header is not " + String.join(",", HEADER) + (records.isEmpty() ? "" : ": " + records.get(0)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            String where = "row " + (i + 1) + ": ";
            if (record.size() != HEADER.size()) {
                problems.add(where + record.size() + " fields, not " + HEADER.size());
                continue;
            }
            if (!record.get(0).equals(String.valueOf(i))) {
                problems.add(where + "line " + record.get(0) + ", not " + i + " (the lines are numbered from 1 in order)");
            }
            if (!ACCOUNT.matcher(record.get(2)).matches()) {
                problems.add(where + "account '" + record.get(2) + "' is not 12 to 30 digits");
            }
            if (!AMOUNT.matcher(record.get(3)).matches()) {
                problems.add(where + "amount '" + record.get(3) + "' does not have two decimals and a dot");
                continue;
            }
            if (record.get(1).isEmpty() || record.get(5).isEmpty()) {
                problems.add(where + "no payee name or no reference");
            }
            rows.add(new Row(i, record.get(1), record.get(2), new BigDecimal(record.get(3)), record.get(4), record.get(5)));
        }
        return rows;
    }

    private static Checksum checksum(String row, List<String> problems) {
        String line = row.endsWith("\r\n") ? row.substring(0, row.length() - 2) : row;
        String[] fields = line.split(",", -1);
        if (fields.length != 4 || !fields[1].matches("[0-9]+") || !AMOUNT.matcher(fields[2]).matches()
                || !SHA256.matcher(fields[3]).matches()) {
            problems.add("the checksum row is not CHECKSUM,<lines>,<total>,<sha256 hex>: " + line);
            return null;
        }
        return new Checksum(Long.parseLong(fields[1]), new BigDecimal(fields[2]), fields[3]);
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
