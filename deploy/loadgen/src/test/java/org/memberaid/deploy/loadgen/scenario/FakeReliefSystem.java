package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * members-service and relief-service in one small HTTP server, with just what the relief scenario
 * uses: registrations, funds (unique per county, year and kind), disbursement requests with
 * Idempotency-Key and the programme's answers for unknown members and amounts out of band, and
 * approvals that charge the fund. Like the services, it answers 403 to an approval by the
 * requester's token, and it refuses bodies that still name the actor (the token's subject is the
 * actor).
 */
final class FakeReliefSystem extends FakeHttpSystem {

    record Disbursement(String fundId, BigDecimal amount, String requester, AtomicReference<String> status) {
    }

    final Map<String, String> fundsByCountyYear = new ConcurrentHashMap<>();
    final Map<String, BigDecimal> approvedByFund = new ConcurrentHashMap<>();
    final Map<String, Disbursement> disbursements = new ConcurrentHashMap<>();
    final Set<String> idempotencyKeys = ConcurrentHashMap.newKeySet();
    final Set<String> members = ConcurrentHashMap.newKeySet();
    final AtomicInteger approvalsAnswered = new AtomicInteger();
    /** Probes for unknown members answered member-unknown before the replica "catches up". */
    final AtomicInteger memberUnknownAnswers = new AtomicInteger(10);
    /** Every n-th approval is refused with 409 (0: none). */
    volatile int refuseEveryNthApproval;
    /** Added to the fund on every approval on top of the amount: a service that charges wrongly. */
    volatile BigDecimal extraCharge = BigDecimal.ZERO;
    /** Years whose funds exist already, as after earlier runs. */
    volatile Set<Integer> takenYears = Set.of();
    /** The programme's first year: an allocation for an earlier one is refused (400 on year). */
    volatile int firstYear = 2000;
    /** Each fund's year, by id. */
    final Map<String, Integer> yearOfFund = new ConcurrentHashMap<>();
    /** The dates of the disbursements created. */
    final Set<String> disbursementDates = ConcurrentHashMap.newKeySet();

    FakeReliefSystem() throws IOException {
        super(8);
    }

    BigDecimal approvedTotal() {
        return approvedByFund.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    void handle(HttpExchange exchange, String authorization) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        if (body != null && (body.has("requestedBy") || body.has("approvedBy"))) {
            answer(exchange, 400, "{\"status\":400,\"detail\":\"the actor is the token's subject\"}");
        } else if (method.equals("POST") && path.equals("/api/members")) {
            String id = UUID.randomUUID().toString();
            members.add(id);
            answer(exchange, 201, "{\"id\":\"" + id + "\",\"countyCode\":\"" + body.get("countyCode").asText() + "\"}");
        } else if (method.equals("POST") && path.equals("/api/funds")) {
            allocate(exchange, body);
        } else if (method.equals("GET") && path.startsWith("/api/funds/")) {
            String id = path.substring("/api/funds/".length());
            BigDecimal approved = approvedByFund.get(id);
            answer(exchange, approved == null ? 404 : 200, "{\"id\":\"" + id + "\",\"approved\":" + approved + "}");
        } else if (method.equals("POST") && path.equals("/api/disbursements")) {
            request(exchange, body, authorization);
        } else if (method.equals("POST") && path.startsWith("/api/disbursements/") && path.endsWith("/approval")) {
            approve(exchange, path.substring("/api/disbursements/".length(), path.length() - "/approval".length()), authorization);
        } else if (method.equals("GET") && path.startsWith("/api/disbursements/")) {
            Disbursement d = disbursements.get(path.substring("/api/disbursements/".length()));
            answer(exchange, 200, "{\"status\":\"" + d.status.get() + "\",\"amount\":" + d.amount + "}");
        } else {
            answer(exchange, 404, "{\"status\":404}");
        }
    }

    private void allocate(HttpExchange exchange, JsonNode body) throws IOException {
        int year = body.get("year").asInt();
        if (year < firstYear) {
            answer(exchange, 400, "{\"status\":400,\"violations\":[{\"field\":\"year\",\"message\":\"must fall within"
                    + " the programme's years\"}]}");
            return;
        }
        String key = body.get("countyCode").asText() + "/" + year;
        if (takenYears.contains(year)) {
            fundsByCountyYear.putIfAbsent(key, UUID.randomUUID().toString());
        }
        String id = UUID.randomUUID().toString();
        String existing = fundsByCountyYear.putIfAbsent(key, id);
        if (existing != null) {
            answer(exchange, 409, "{\"status\":409,\"existingFundId\":\"" + existing + "\"}");
            return;
        }
        approvedByFund.put(id, new BigDecimal("0.00"));
        yearOfFund.put(id, year);
        answer(exchange, 201, "{\"id\":\"" + id + "\",\"approved\":0.00,\"budget\":" + body.get("budget").asText() + "}");
    }

    private void request(HttpExchange exchange, JsonNode body, String authorization) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !idempotencyKeys.add(key)) {
            answer(exchange, 400, "{\"status\":400,\"detail\":\"missing or repeated key " + key + "\"}");
            return;
        }
        if (!members.contains(body.get("memberId").asText()) || memberUnknownAnswers.getAndDecrement() > 0) {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"member-unknown\"}");
            return;
        }
        String disbursedOn = body.get("disbursedOn").asText();
        if (!disbursedOn.startsWith(yearOfFund.get(body.get("fundId").asText()) + "-")) {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"fund-year\"}");
            return;
        }
        BigDecimal amount = new BigDecimal(body.get("amount").asText());
        if (amount.compareTo(new BigDecimal("1000")) < 0 || amount.compareTo(new BigDecimal("3000")) > 0
                || amount.scale() != 2) {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"amount-band\"}");
            return;
        }
        disbursementDates.add(disbursedOn);
        String id = UUID.randomUUID().toString();
        disbursements.put(id, new Disbursement(body.get("fundId").asText(), amount, authorization,
                new AtomicReference<>("REQUESTED")));
        answer(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"REQUESTED\",\"amount\":" + amount + "}");
    }

    private void approve(HttpExchange exchange, String id, String authorization) throws IOException {
        Disbursement d = disbursements.get(id);
        int n = approvalsAnswered.incrementAndGet();
        if (d != null && d.requester.equals(authorization)) {
            answer(exchange, 403, "{\"status\":403,\"detail\":\"the requester cannot approve\"}");
            return;
        }
        if (d == null || (refuseEveryNthApproval > 0 && n % refuseEveryNthApproval == 0)
                || !d.status.compareAndSet("REQUESTED", "APPROVED")) {
            answer(exchange, 409, "{\"status\":409,\"title\":\"Conflict\"}");
            return;
        }
        approvedByFund.merge(d.fundId, d.amount.add(extraCharge), BigDecimal::add);
        answer(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"APPROVED\"}");
    }
}
