package org.memberaid.deploy.loadgen.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * members-service and relief-service in one small HTTP server, with just what the cycle scenario
 * uses: the CSV import and the look-up by national ID, the county policy (the defaults), funds
 * (one per county and year; budget changes), the replica probe, the disbursement count, and
 * cycles whose evaluation applies the living subsidy's rules (in difficulty, aged 70+, no labour
 * capacity, no income, once a year) and whose approval charges the fund and writes the
 * disbursements. It keeps the tokens each route saw.
 */
final class FakeCycleSystem implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final java.util.regex.Pattern UUID_IN_PATH = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    record Member(String id, String nationalId, String countyCode, String hardshipStatus, String laborCapacity,
            BigDecimal income) {
    }

    record Fund(String countyCode, int year, BigDecimal[] budget, BigDecimal[] approved) {
    }

    record Cycle(String countyCode, String fundId, BigDecimal amount, LocalDate disbursedOn, String creator,
            List<String> entitled, String[] status) {
    }

    private final HttpServer server;
    private final LocalDate today;
    final Map<String, Member> membersByNationalId = new ConcurrentHashMap<>();
    final Map<String, Fund> funds = new ConcurrentHashMap<>();
    final Map<String, Cycle> cycles = new ConcurrentHashMap<>();
    /** Member ids with an APPROVED living subsidy, and its date. */
    final Map<String, LocalDate> livingSubsidies = new ConcurrentHashMap<>();
    final Map<String, Set<String>> authorizationsByRoute = new ConcurrentHashMap<>();
    final List<String> budgetsSet = new CopyOnWriteArrayList<>();
    /** Probes answered member-unknown before the replica "catches up". */
    final AtomicInteger memberUnknownAnswers = new AtomicInteger(5);
    /** Added to the fund on an approval on top of the total: a service that charges wrongly. */
    volatile BigDecimal extraCharge = BigDecimal.ZERO;

    FakeCycleSystem(LocalDate today) throws IOException {
        this.today = today;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String method = exchange.getRequestMethod();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                answer(exchange, 401, "{\"status\":401}");
                return;
            }
            authorizationsByRoute.computeIfAbsent(method + " " + UUID_IN_PATH.matcher(path).replaceAll("{id}"),
                    route -> ConcurrentHashMap.newKeySet()).add(authorization);
            JsonNode body = raw.length == 0 || path.equals("/api/members/import") ? null : JSON.readTree(raw);
            if (method.equals("POST") && path.equals("/api/members/import")) {
                importCsv(exchange, new String(raw, StandardCharsets.UTF_8));
            } else if (method.equals("GET") && path.equals("/api/members")) {
                String nationalId = query.substring(query.indexOf("q=") + 2);
                Member member = membersByNationalId.get(nationalId);
                answer(exchange, 200, member == null ? "{\"items\":[],\"total\":0}"
                        : "{\"items\":[{\"id\":\"" + member.id() + "\"}],\"total\":1}");
            } else if (method.equals("GET") && path.startsWith("/api/policies/")) {
                answer(exchange, 200, "{\"livingSubsidyMin\":300.00,\"livingSubsidyMax\":500.00,\"livingSubsidyAge\":70}");
            } else if (method.equals("POST") && path.equals("/api/funds")) {
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
            } else if (path.startsWith("/api/funds/")) {
                Fund fund = funds.get(path.substring("/api/funds/".length()));
                if (method.equals("PATCH")) {
                    fund.budget()[0] = new BigDecimal(body.get("budget").asText());
                    budgetsSet.add(body.get("budget").asText());
                }
                answer(exchange, 200, "{\"budget\":" + fund.budget()[0] + ",\"approved\":" + fund.approved()[0]
                        + ",\"remaining\":" + fund.budget()[0].subtract(fund.approved()[0]) + "}");
            } else if (method.equals("POST") && path.equals("/api/disbursements")) {
                boolean known = membersByNationalId.values().stream().anyMatch(m -> m.id().equals(body.get("memberId").asText()));
                answer(exchange, 422, "{\"status\":422,\"rule\":\""
                        + (!known || memberUnknownAnswers.getAndDecrement() > 0 ? "member-unknown" : "amount-band") + "\"}");
            } else if (method.equals("GET") && path.equals("/api/disbursements")) {
                answer(exchange, 200, "{\"items\":[],\"total\":" + livingSubsidies.size() + "}");
            } else if (method.equals("POST") && path.equals("/api/cycles")) {
                if (exchange.getRequestHeaders().getFirst("Idempotency-Key") == null) {
                    answer(exchange, 400, "{\"status\":400}");
                    return;
                }
                String id = UUID.randomUUID().toString();
                cycles.put(id, new Cycle(body.get("countyCode").asText(), body.get("fundId").asText(),
                        new BigDecimal(body.get("amount").asText()), LocalDate.parse(body.get("disbursedOn").asText()),
                        authorization, new CopyOnWriteArrayList<>(), new String[] {"DRAFT"}));
                answer(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"DRAFT\"}");
            } else if (method.equals("POST") && path.endsWith("/evaluation")) {
                evaluate(exchange, cycles.get(path.split("/")[3]));
            } else if (method.equals("POST") && path.endsWith("/approval")) {
                approve(exchange, cycles.get(path.split("/")[3]), authorization);
            } else {
                answer(exchange, 404, "{\"status\":404}");
            }
        }
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
            membersByNationalId.put(nationalId, new Member(UUID.randomUUID().toString(), nationalId,
                    fields[header.indexOf("countyCode")], fields[header.indexOf("hardshipStatus")],
                    fields[header.indexOf("laborCapacity")], new BigDecimal(fields[header.indexOf("annualIncome")])));
            imported++;
        }
        answer(exchange, 200, "{\"received\":" + (lines.length - 1) + ",\"imported\":" + imported + ",\"rejected\":"
                + rejected + "}");
    }

    private void evaluate(HttpExchange exchange, Cycle cycle) throws IOException {
        Map<String, Integer> excluded = new TreeMap<>();
        cycle.entitled().clear();
        for (Member m : membersByNationalId.values()) {
            if (!m.countyCode().equals(cycle.countyCode())) {
                continue;
            }
            LocalDate born = LocalDate.parse(m.nationalId().substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            String rule = !m.hardshipStatus().equals("IN_DIFFICULTY") ? "hardship-required"
                    : Period.between(born, cycle.disbursedOn()).getYears() < 70 ? "living-subsidy-age"
                    : !m.laborCapacity().equals("NONE") ? "living-subsidy-labor-capacity"
                    : m.income().signum() != 0 ? "living-subsidy-income"
                    : livingSubsidies.containsKey(m.id()) ? "living-subsidy-once-a-year" : null;
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
        cycle.entitled().forEach(id -> livingSubsidies.put(id, cycle.disbursedOn()));
        cycle.status()[0] = "APPROVED";
        answer(exchange, 200, render(cycle, "{}"));
    }

    private static BigDecimal total(Cycle cycle) {
        return cycle.amount().multiply(BigDecimal.valueOf(cycle.entitled().size())).setScale(2);
    }

    private static String render(Cycle cycle, String excluded) {
        return "{\"status\":\"" + cycle.status()[0] + "\",\"entitlements\":" + cycle.entitled().size() + ",\"total\":"
                + total(cycle) + ",\"excluded\":" + excluded + ",\"decidedBy\":\"approver-620000\"}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
