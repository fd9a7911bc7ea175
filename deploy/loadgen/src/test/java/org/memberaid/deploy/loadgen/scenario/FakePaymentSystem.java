package org.memberaid.deploy.loadgen.scenario;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.memberaid.deploy.loadgen.csv.Csv;

/**
 * The cycle fake with relief's payment batches (docs/payments.md): payee details known after a
 * lag, the list of disbursements missing them, batches of a county's APPROVED disbursements in no
 * live batch whose member has payee details, the bank file with its checksum row (the first
 * download exports), sending by another user than the creator, and reconciliation files applied
 * whole or not at all (a FAILED line's money back to the fund; a repeated outcome unchanged).
 */
final class FakePaymentSystem extends FakeCycleSystem {

    record Line(int line, Disbursement disbursement, String payeeName, String account, AtomicReference<String> outcome) {
    }

    record Batch(String id, String countyCode, String creator, List<Line> lines, AtomicReference<String> status,
            AtomicReference<String> sentBy) {
    }

    final Map<String, Batch> batches = new ConcurrentHashMap<>();
    /**
     * Reads of missing-payees that still find members with payee details unknown, as relief before
     * it has applied members.payees; then it knows them.
     */
    final AtomicInteger payeeLag = new AtomicInteger(3);
    private volatile boolean payeesKnown;
    /** A service whose checksum row states one fen more than its rows. */
    volatile boolean wrongChecksumTotal;
    /** A service that leaves a failed payment's money charged to the fund. */
    volatile boolean failedMoneyKept;
    /** A service that counts a row repeating an earlier outcome as paid or failed again, not unchanged. */
    volatile boolean repeatsCountedAgain;

    FakePaymentSystem() throws IOException {
    }

    @Override
    void handle(HttpExchange exchange, String request, Map<String, String> query, byte[] raw, String authorization)
            throws IOException {
        String[] path = request.substring(request.indexOf(' ') + 1).split("/");
        if (!request.contains(" /api/payment-batches")) {
            super.handle(exchange, request, query, raw, authorization);
        } else if (request.equals("GET /api/payment-batches/missing-payees")) {
            List<Disbursement> missing = payable(query.get("countyCode"), false);
            if (!payeesKnown && missing.stream().anyMatch(d -> member(d.memberId()).bankAccount() != null)
                    && payeeLag.decrementAndGet() <= 0) {
                payeesKnown = true;
            }
            answer(exchange, 200, "{\"items\":[],\"page\":0,\"size\":1,\"total\":" + missing.size() + "}");
        } else if (request.equals("POST /api/payment-batches")) {
            create(exchange, JSON.readTree(raw).get("countyCode").asText(), authorization);
        } else if (path.length == 4 && request.startsWith("GET ")) {
            answer(exchange, 200, render(batches.get(path[3])));
        } else if (request.startsWith("GET ") && request.endsWith("/file")) {
            Batch batch = batches.get(path[3]);
            batch.status().compareAndSet("DRAFT", "EXPORTED");
            answer(exchange, 200, "text/csv", file(batch));
        } else if (request.startsWith("POST ") && request.endsWith("/sending")) {
            send(exchange, batches.get(path[3]), authorization, raw);
        } else if (request.startsWith("POST ") && request.endsWith("/reconciliation")) {
            reconcile(exchange, batches.get(path[3]), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(raw, StandardCharsets.UTF_8));
        } else {
            answer(exchange, 404, "{\"status\":404}");
        }
    }

    /** APPROVED disbursements of the county in no live batch: those whose member has payee details relief knows, or the others. */
    private List<Disbursement> payable(String countyCode, boolean withPayee) {
        Set<Disbursement> batched = ConcurrentHashMap.newKeySet();
        batches.values().forEach(batch -> batch.lines().forEach(line -> batched.add(line.disbursement())));
        return disbursements.values().stream()
                .filter(d -> d.countyCode().equals(countyCode) && d.status().get().equals("APPROVED") && !batched.contains(d))
                .filter(d -> withPayee == (payeesKnown && member(d.memberId()).bankAccount() != null))
                .sorted(Comparator.comparing(Disbursement::id)).toList();
    }

    private void create(HttpExchange exchange, String countyCode, String authorization) throws IOException {
        List<Disbursement> payable = payable(countyCode, true);
        if (payable.isEmpty()) {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"nothing-to-pay\"}");
            return;
        }
        List<Line> lines = new ArrayList<>();
        for (Disbursement d : payable) {
            Member member = member(d.memberId());
            lines.add(new Line(lines.size() + 1, d, member.accountHolder(), member.bankAccount(), new AtomicReference<>()));
        }
        List<Disbursement> without = payable(countyCode, false);
        String id = UUID.randomUUID().toString();
        Batch batch = new Batch(id, countyCode, authorization, lines, new AtomicReference<>("DRAFT"), new AtomicReference<>());
        batches.put(id, batch);
        answer(exchange, 201, render(batch).replace("\"withoutPayee\":null,\"withoutPayeeTotal\":null",
                "\"withoutPayee\":" + without.size() + ",\"withoutPayeeTotal\":"
                        + without.stream().map(Disbursement::amount).reduce(new BigDecimal("0.00"), BigDecimal::add)));
    }

    private byte[] file(Batch batch) {
        StringBuilder csv = new StringBuilder();
        Csv.appendRecord(csv, BankFile.HEADER);
        BigDecimal total = new BigDecimal("0.00");
        for (Line line : batch.lines()) {
            Disbursement d = line.disbursement();
            Csv.appendRecord(csv, List.of(String.valueOf(line.line()), line.payeeName(), line.account(), d.amount().toPlainString(),
                    "LIVING_SUBSIDY " + d.disbursedOn().getYear(), d.id()));
            total = total.add(d.amount());
        }
        String stated = (wrongChecksumTotal ? total.add(new BigDecimal("0.01")) : total).toPlainString();
        String sha256 = sha256(csv.toString());
        csv.append("CHECKSUM,").append(batch.lines().size()).append(',').append(stated).append(',').append(sha256)
                .append(Csv.LINE_END);
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(HttpExchange exchange, Batch batch, String authorization, byte[] raw) throws IOException {
        if (authorization.equals(batch.creator())) {
            answer(exchange, 403, "{\"status\":403,\"detail\":\"the batch's creator cannot send it\"}");
        } else if (raw.length > 0 && !JSON.readTree(raw).isEmpty()) {
            answer(exchange, 400, "{\"status\":400,\"detail\":\"the sending takes an empty object or nothing\"}");
        } else if (!batch.status().compareAndSet("EXPORTED", "SENT")) {
            answer(exchange, 409, "{\"status\":409,\"rule\":\"illegal-transition\"}");
        } else {
            batch.sentBy().set(authorization.substring("Bearer ".length()));
            answer(exchange, 200, render(batch));
        }
    }

    private void reconcile(HttpExchange exchange, Batch batch, String contentType, String text) throws IOException {
        if (contentType == null || !contentType.startsWith("text/csv")) {
            answer(exchange, 415, "{\"status\":415}");
            return;
        }
        if (!List.of("SENT", "RECONCILED").contains(batch.status().get())) {
            answer(exchange, 409, "{\"status\":409,\"rule\":\"illegal-transition\"}");
            return;
        }
        List<List<String>> records = Csv.parse(text);
        List<String> refusals = new ArrayList<>();
        List<Runnable> effects = new ArrayList<>();
        int[] counts = new int[3];
        for (int i = 1; i < records.size(); i++) {
            List<String> row = records.get(i);
            Line line = batch.lines().stream().filter(l -> l.disbursement().id().equals(row.get(0))).findFirst().orElse(null);
            String outcome = row.get(1);
            String rule = line == null ? "unknown-reference"
                    : new BigDecimal(row.get(2)).compareTo(line.disbursement().amount()) != 0 ? "amount-differs"
                    : outcome.equals("FAILED") && row.get(5).isEmpty() ? "reason-required"
                    : LocalDate.parse(row.get(4)).isAfter(LocalDate.now()) ? "date-in-future"
                    : line.outcome().get() != null && !line.outcome().get().equals(outcome) ? "outcome-conflicts" : null;
            if (rule != null) {
                refusals.add("{\"line\":" + (i + 1) + ",\"rule\":\"" + rule + "\"}");
            } else if (line.outcome().get() != null && !repeatsCountedAgain) {
                counts[2]++;
            } else if (line.outcome().get() != null) {
                counts[outcome.equals("PAID") ? 0 : 1]++;
            } else {
                counts[outcome.equals("PAID") ? 0 : 1]++;
                effects.add(() -> apply(line, outcome));
            }
        }
        if (!refusals.isEmpty()) {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"reconciliation-refused\",\"lines\":" + refusals + "}");
            return;
        }
        effects.forEach(Runnable::run);
        if (batch.lines().stream().allMatch(l -> l.outcome().get() != null)) {
            batch.status().set("RECONCILED");
        }
        answer(exchange, 200, "{\"batch\":" + render(batch) + ",\"paid\":" + counts[0] + ",\"failed\":" + counts[1]
                + ",\"unchanged\":" + counts[2] + "}");
    }

    private void apply(Line line, String outcome) {
        Disbursement d = line.disbursement();
        line.outcome().set(outcome);
        d.status().set(outcome.equals("PAID") ? "PAID" : "PAYMENT_FAILED");
        if (outcome.equals("FAILED") && !failedMoneyKept) {
            BigDecimal[] approved = funds.get(d.fundId()).approved();
            synchronized (approved) {
                approved[0] = approved[0].subtract(d.amount());
            }
        }
    }

    private String render(Batch batch) {
        BigDecimal total = sum(batch, null);
        return "{\"id\":\"" + batch.id() + "\",\"countyCode\":\"" + batch.countyCode() + "\",\"status\":\"" + batch.status().get()
                + "\",\"lines\":" + batch.lines().size() + ",\"total\":" + total
                + ",\"paid\":" + count(batch, "PAID") + ",\"paidTotal\":" + sum(batch, "PAID")
                + ",\"failed\":" + count(batch, "FAILED") + ",\"failedTotal\":" + sum(batch, "FAILED")
                + ",\"withoutPayee\":null,\"withoutPayeeTotal\":null"
                + ",\"fileSha256\":" + (batch.status().get().equals("DRAFT") ? "null" : "\"" + fileSha256(batch) + "\"")
                + ",\"sentBy\":" + (batch.sentBy().get() == null ? "null" : "\"" + batch.sentBy().get() + "\"") + "}";
    }

    private String fileSha256(Batch batch) {
        String file = new String(file(batch), StandardCharsets.UTF_8);
        return file.substring(file.lastIndexOf(',') + 1).strip();
    }

    private static long count(Batch batch, String outcome) {
        return batch.lines().stream().filter(l -> outcome.equals(l.outcome().get())).count();
    }

    /** The lines' money with {@code outcome}, or all of it for null. */
    private static BigDecimal sum(Batch batch, String outcome) {
        return batch.lines().stream().filter(l -> outcome == null || outcome.equals(l.outcome().get()))
                .map(l -> l.disbursement().amount()).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
