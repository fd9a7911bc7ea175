package org.memberaid.relief.domain;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A payment batch's bank instruction file: RFC 4180 CSV in UTF-8 (no byte-order mark, CRLF line
 * ends), a header row, a row per line of the batch in line order, and a checksum row
 * {@code CHECKSUM,<lines>,<total>,<sha256>} whose hash covers every byte before it. The same lines
 * give the same bytes, so every download of a batch's file is identical.
 */
public final class BankFile {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    public static final String HEADER = "line,payee_name,account,amount,purpose,reference";
    public static final String CHECKSUM = "CHECKSUM";

    /** One payment instruction: pay {@code amount} to {@code account} of {@code payeeName}. */
    public record Line(int line, String payeeName, String account, BigDecimal amount, String purpose,
            UUID reference) {
    }

    /** The file's bytes and the hash its checksum row carries. */
    public record Written(byte[] bytes, String sha256) {
    }

    private BankFile() {
    }

    public static Written write(List<Line> lines) {
        StringBuilder csv = new StringBuilder(64 + lines.size() * 128);
        csv.append(HEADER).append("\r\n");
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            csv.append(line.line()).append(',').append(field(line.payeeName())).append(',')
                    .append(field(line.account())).append(',').append(line.amount().setScale(2).toPlainString())
                    .append(',').append(field(line.purpose())).append(',').append(line.reference()).append("\r\n");
            total = total.add(line.amount());
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(body);
        byte[] trailer = (CHECKSUM + "," + lines.size() + "," + total.toPlainString() + "," + sha256 + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream(body.length + trailer.length);
        file.writeBytes(body);
        file.writeBytes(trailer);
        return new Written(file.toByteArray(), sha256);
    }

    /** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line end. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
