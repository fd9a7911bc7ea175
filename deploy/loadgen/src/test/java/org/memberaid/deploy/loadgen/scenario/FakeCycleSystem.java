package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * members-service and relief-service in one small HTTP server, with just what the cycle scenario
 * uses: the CSV import (with the optional payee columns) and the look-up by national ID, the county
 * policy (the defaults), funds (one per county and year; budget changes), the replica probe, the
 * disbursement list, and cycles whose evaluation applies the living subsidy's rules (in difficulty,
 * aged 70+, no labour capacity, no income, once a year) and whose approval charges the fund and
 * writes the disbursements.
 */
class FakeCycleSystem extends FakeHttpSystem {

    record Member(String id, String nationalId, String name, String countyCode, String hardshipStatus, String laborCapacity,
            BigDecimal income, String bankAccount, String accountHolder) {
    }

    record Fund(String countyCode, int year, BigDecimal[] budget, BigDecimal[] approved) {
    }

    record Cycle(String countyCode, String fundId, BigDecimal amount, LocalDate disbursedOn, String creator,
            List<String> entitled, String[] status) {
    }

    record Disbursement(String id, String memberId, String fundId, String countyCode, BigDecimal amount, LocalDate disbursedOn,
            AtomicReference<String> status) {
    }

    final Map<String, Member> membersByNationalId = new ConcurrentHashMap<>();
    final Map<String, Fund> funds = new ConcurrentHashMap<>();
    final Map<String, Cycle> cycles = new ConcurrentHashMap<>();
    /** The living subsidies the cycles' approvals wrote, by id. */
    final Map<String, Disbursement> disbursements = new ConcurrentHashMap<>();
    final List<String> budgetsSet = new CopyOnWriteArrayList<>();
    /** Probes answered member-unknown before the replica "catches up". */
    final AtomicInteger memberUnknownAnswers = new AtomicInteger(5);
    /** Added to the fund on an approval on top of the total: a service that charges wrongly. */
    volatile BigDecimal extraCharge = BigDecimal.ZERO;

    FakeCycleSystem() throws IOException {
        super(4);
    }

    /** The members with a living subsidy that counts as this year's: APPROVED or PAID. */
    long livingSubsidies() {
        return disbursements.values().stream().filter(FakeCycleSystem::countsForTheYear).map(Disbursement::memberId).distinct().count();
    }

    Member member(String id) {
        return membersByNationalId.values().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    final void handle(HttpExchange exchange, String authorization) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        handle(exchange, exchange.getRequestMethod() + " " + path, query, exchange.getRequestBody().readAllBytes(), authorization);
    }

    /**
     * Answers {@code request} ("POST /api/cycles"); a fake of more of the services handles its own
     * routes and hands the others to this one.
     */
    void handle(HttpExchange exchange, String request, Map<String, String> query, byte[] raw, String authorization)
            throws IOException {
        String path = request.substring(request.indexOf(' ') + 1);
        JsonNode body = raw.length == 0 || request.equals("POST /api/members/import") ? null : JSON.readTree(raw);
        if (request.equals("POST /api/members/import")) {
            importCsv(exchange, new String(raw, StandardCharsets.UTF_8));
        } else if (request.equals("GET /api/members")) {
            Member member = membersByNationalId.get(query.get("q"));
            answer(exchange, 200, member == null ? "{\"items\":[],\"total\":0}"
                    : "{\"items\":[{\"id\":\"" + member.id() + "\"}],\"total\":1}");
        } else if (request.startsWith("GET /api/policies/")) {
            answer(exchange, 200, "{\"livingSubsidyMin\":300.00,\"livingSubsidyMax\":500.00,\"livingSubsidyAge\":70}");
        } else if (request.equals("POST /api/funds")) {
            allocate(exchange, body);
        } else if (path.startsWith("/api/funds/")) {
            Fund fund = funds.get(path.substring("/api/funds/".length()));
            if (request.startsWith("PATCH ")) {
                fund.budget()[0] = new BigDecimal(body.get("budget").asText());
                budgetsSet.add(body.get("budget").asText());
            }
            answer(exchange, 200, "{\"budget\":" + fund.budget()[0] + ",\"approved\":" + fund.approved()[0]
                    + ",\"remaining\":" + fund.budget()[0].subtract(fund.approved()[0]) + "}");
        } else if (request.equals("POST /api/disbursements")) {
            boolean known = member(body.get("memberId").asText()) != null;
            answer(exchange, 422, "{\"status\":422,\"rule\":\""
                    + (!known || memberUnknownAnswers.getAndDecrement() > 0 ? "member-unknown" : "amount-band") + "\"}");
        } else if (request.equals("GET /api/disbursements")) {
            list(exchange, query);
        } else if (request.equals("POST /api/cycles")) {
            if (exchange.getRequestHeaders().getFirst("Idempotency-Key") == null) {
                answer(exchange, 400, "{\"status\":400}");
                return;
            }
            String id = UUID.randomUUID().toString();
            cycles.put(id, new Cycle(body.get("countyCode").asText(), body.get("fundId").asText(),
                    new BigDecimal(body.get("amount").asText()), LocalDate.parse(body.get("disbursedOn").asText()),
                    authorization, new CopyOnWriteArrayList<>(), new String[] {"DRAFT"}));
            answer(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"DRAFT\"}");
        } else if (request.startsWith("POST /api/cycles/") && path.endsWith("/evaluation")) {
            evaluate(exchange, cycles.get(path.split("/")[3]));
        } else if (request.startsWith("POST /api/cycles/") && path.endsWith("/approval")) {
            approve(exchange, cycles.get(path.split("/")[3]), authorization);
        } else {
            answer(exchange, 404, "{\"status\":404}");
        }
    }

    private void allocate(HttpExchange exchange, JsonNode body) throws IOException {
        String key = body.get("countyCode").asText() + "/" + body.get("year").asInt();
        String existing = funds.entrySet().stream()
                .filter(f -> (f.getValue().countyCode() + "/" + f.getValue().year()).equals(key))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (existing != null) {
            answer(exchange, 409, "{\"status\":409,\"rule\":\"duplicate-fund\",\"existingFundId\":\"" + existing + "\"}");
            return;
        }
        String id = UUID.randomUUID().toString();
        funds.put(id, new Fund(body.get("countyCode").asText(), body.get("year").asInt(),
                new BigDecimal[] {new BigDecimal(body.get("budget").asText())}, new BigDecimal[] {new BigDecimal("0.00")}));
        budgetsSet.add(body.get("budget").asText());
        answer(exchange, 201, "{\"id\":\"" + id + "\"}");
    }

    private void importCsv(HttpExchange exchange, String csv) throws IOException {
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(",", -1));
        int imported = 0;
        List<String> rejected = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            String nationalId = fields[header.indexOf("nationalId")];
            if (membersByNationalId.containsKey(nationalId)) {
                rejected.add("{\"line\":" + (i + 1) + ",\"violations\":[{\"field\":\"nationalId\"}]}");
                continue;
            }
            membersByNationalId.put(nationalId, new Member(UUID.randomUUID().toString(), nationalId, fields[header.indexOf("name")],
                    fields[header.indexOf("countyCode")], fields[header.indexOf("hardshipStatus")],
                    fields[header.indexOf("laborCapacity")], new BigDecimal(fields[header.indexOf("annualIncome")]),
                    header.contains("bankAccount") ? fields[header.indexOf("bankAccount")] : null,
                    header.contains("accountHolder") ? fields[header.indexOf("accountHolder")] : null));
            imported++;
        }
        answer(exchange, 200, "{\"received\":" + (lines.length - 1) + ",\"imported\":" + imported + ",\"rejected\":"
                + rejected + "}");
    }

    /** The disbursements of a county, kind and status, dated from/to, a page at a time, in a stable order. */
    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        List<Disbursement> found = disbursements.values().stream()
                .filter(d -> d.countyCode().equals(query.get("countyCode")) && d.status().get().equals(query.get("status"))
                        && !d.disbursedOn().isBefore(LocalDate.parse(query.get("from")))
                        && !d.disbursedOn().isAfter(LocalDate.parse(query.get("to"))))
                .sorted(Comparator.comparing(Disbursement::id)).toList();
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        List<String> items = found.stream().skip((long) page * size).limit(size)
                .map(d -> "{\"id\":\"" + d.id() + "\",\"fundId\":\"" + d.fundId() + "\",\"amount\":" + d.amount()
                        + ",\"status\":\"" + d.status().get() + "\"}").toList();
        answer(exchange, 200, "{\"items\":" + items + ",\"page\":" + page + ",\"size\":" + size + ",\"total\":" + found.size() + "}");
    }

    private void evaluate(HttpExchange exchange, Cycle cycle) throws IOException {
        Map<String, Integer> excluded = new TreeMap<>();
        cycle.entitled().clear();
        for (Member m : membersByNationalId.values()) {
            if (!m.countyCode().equals(cycle.countyCode())) {
                continue;
            }
            LocalDate born = LocalDate.parse(m.nationalId().substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            String rule = !m.hardshipStatus().equals("IN_DIFFICULTY") ? "hardship-required"
                    : Period.between(born, cycle.disbursedOn()).getYears() < 70 ? "living-subsidy-age"
                    : !m.laborCapacity().equals("NONE") ? "living-subsidy-labor-capacity"
                    : m.income().signum() != 0 ? "living-subsidy-income"
                    : disbursements.values().stream().anyMatch(d -> d.memberId().equals(m.id()) && countsForTheYear(d))
                            ? "living-subsidy-once-a-year" : null;
            if (rule == null) {
                cycle.entitled().add(m.id());
            } else {
                excluded.merge(rule, 1, Integer::sum);
            }
        }
        answer(exchange, 200, render(cycle, JSON.writeValueAsString(excluded)));
    }

    private void approve(HttpExchange exchange, Cycle cycle, String authorization) throws IOException {
        if (authorization.equals(cycle.creator())) {
            answer(exchange, 422, "{\"status\":422,\"rule\":\"maker-checker\"}");
            return;
        }
        Fund fund = funds.get(cycle.fundId());
        BigDecimal total = total(cycle);
        BigDecimal remaining = fund.budget()[0].subtract(fund.approved()[0]);
        if (remaining.compareTo(total) < 0) {
            answer(exchange, 409, "{\"status\":409,\"rule\":\"insufficient-funds\",\"remaining\":" + remaining
                    + ",\"shortfall\":" + total.subtract(remaining) + "}");
            return;
        }
        fund.approved()[0] = fund.approved()[0].add(total).add(extraCharge);
        for (String memberId : cycle.entitled()) {
            String id = UUID.randomUUID().toString();
            disbursements.put(id, new Disbursement(id, memberId, cycle.fundId(), cycle.countyCode(), cycle.amount().setScale(2),
                    cycle.disbursedOn(), new AtomicReference<>("APPROVED")));
        }
        cycle.status()[0] = "APPROVED";
        answer(exchange, 200, render(cycle, "{}"));
    }

    private static boolean countsForTheYear(Disbursement disbursement) {
        return List.of("APPROVED", "PAID").contains(disbursement.status().get());
    }

    private static BigDecimal total(Cycle cycle) {
        return cycle.amount().multiply(BigDecimal.valueOf(cycle.entitled().size())).setScale(2);
    }

    private static String render(Cycle cycle, String excluded) {
        return "{\"status\":\"" + cycle.status()[0] + "\",\"entitlements\":" + cycle.entitled().size() + ",\"total\":"
                + total(cycle) + ",\"excluded\":" + excluded + ",\"decidedBy\":\"approver-620000\"}";
    }
}
