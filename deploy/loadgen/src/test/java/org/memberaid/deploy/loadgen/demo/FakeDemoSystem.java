package org.memberaid.deploy.loadgen.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.memberaid.deploy.loadgen.csv.Csv;
import org.memberaid.deploy.loadgen.members.NationalIds;

/**
 * members-, relief- and reporting-service in one small HTTP server, with what the demo loader
 * uses: registrations (409 with existingMemberId for a national ID registered already) and CSV
 * imports (rows registered already reported), county policies with If-Match, funds (409 with
 * existingFundId), disbursements with Idempotency-Keys (a replayed key answers the first answer)
 * and maker-checker approvals, the replica's member-unknown for a while, living subsidy cycles
 * evaluated by the programme's rules, assistance records, lists, freshness, and the 2015 reports
 * counted from what it holds. Like the services, it answers 401 without a bearer token.
 */
final class FakeDemoSystem implements AutoCloseable {

    record Member(String id, String nationalId, String countyCode, String hardshipStatus, String laborCapacity,
            BigDecimal income, LocalDate registeredOn) {
    }

    static final class Disbursement {
        final ObjectNode row;

        Disbursement(ObjectNode row) {
            this.row = row;
        }

        String status() {
            return row.get("status").asText();
        }
    }

    static final class Cycle {
        final ObjectNode row;
        final String creator;
        final List<Member> entitled = new ArrayList<>();

        Cycle(ObjectNode row, String creator) {
            this.row = row;
            this.creator = creator;
        }
    }

    static final String SERVER_ERROR = "{\"status\":500}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    final Map<String, Member> membersByNationalId = new ConcurrentHashMap<>();
    final Map<String, Member> membersById = new ConcurrentHashMap<>();
    final AtomicInteger registrations = new AtomicInteger();
    final AtomicInteger imports = new AtomicInteger();
    final Map<String, ObjectNode> policies = new ConcurrentHashMap<>();
    final AtomicInteger policyChanges = new AtomicInteger();
    final Map<String, ObjectNode> funds = new ConcurrentHashMap<>();
    final Map<String, Disbursement> disbursements = new ConcurrentHashMap<>();
    final Map<String, Cycle> cycles = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> assistance = new ConcurrentHashMap<>();
    /** Answers kept per caller and Idempotency-Key: status and body. */
    private final Map<String, Object[]> answers = new ConcurrentHashMap<>();
    /** So many requests naming a member are answered 422 member-unknown first (the replica catching up). */
    final AtomicInteger memberUnknownAnswers = new AtomicInteger(200);
    /** So many disbursement requests are done, but answered 500 as if the answer were lost on its way. */
    final AtomicInteger lostAnswers = new AtomicInteger();
    final AtomicInteger requestsWithoutToken = new AtomicInteger();
    /** Figures the fake's reports give wrongly, by field (a reporting-service with a bug). */
    final Map<String, String> misreported = new ConcurrentHashMap<>();

    FakeDemoSystem() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::receive);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    long disbursementsOfKind(String kind) {
        return disbursements.values().stream().filter(d -> d.row.get("kind").asText().equals(kind)).count();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                requestsWithoutToken.incrementAndGet();
                answer(exchange, 401, "{\"status\":401}");
                return;
            }
            try {
                route(exchange, authorization);
            } catch (RuntimeException e) {
                answer(exchange, 500, "{\"status\":500,\"detail\":\"" + e + "\"}");
            }
        }
    }

    private void route(HttpExchange exchange, String caller) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange);
        String[] parts = path.split("/");
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (method.equals("POST") && path.equals("/api/members")) {
            register(exchange, DemoHttp.JSON.readTree(body));
        } else if (method.equals("POST") && path.equals("/api/members/import")) {
            importCsv(exchange, body);
        } else if (path.startsWith("/api/policies/")) {
            policy(exchange, method, parts[3], body);
        } else if (method.equals("POST") && path.equals("/api/funds")) {
            fund(exchange, DemoHttp.JSON.readTree(body));
        } else if (method.equals("POST") && path.equals("/api/disbursements")) {
            idempotent(exchange, caller, body, () -> requestDisbursement(DemoHttp.JSON.readTree(body), caller), true);
        } else if (method.equals("POST") && path.startsWith("/api/disbursements/") && path.endsWith("/approval")) {
            approve(exchange, parts[3], caller);
        } else if (method.equals("GET") && path.startsWith("/api/disbursements/")) {
            Disbursement d = disbursements.get(parts[3]);
            answer(exchange, d == null ? 404 : 200, d == null ? "{}" : d.row.toString());
        } else if (method.equals("GET") && path.equals("/api/disbursements")) {
            page(exchange, query, disbursements.values().stream().map(d -> d.row)
                    .filter(row -> row.get("countyCode").asText().equals(query.get("countyCode")))
                    .filter(row -> row.get("disbursedOn").asText().compareTo(query.get("from")) >= 0
                            && row.get("disbursedOn").asText().compareTo(query.get("to")) <= 0).toList());
        } else if (method.equals("POST") && path.equals("/api/cycles")) {
            idempotent(exchange, caller, body, () -> createCycle(DemoHttp.JSON.readTree(body), caller), false);
        } else if (method.equals("GET") && path.equals("/api/cycles")) {
            page(exchange, query, cycles.values().stream().map(c -> c.row)
                    .filter(row -> row.get("countyCode").asText().equals(query.get("countyCode"))).toList());
        } else if (method.equals("GET") && path.startsWith("/api/cycles/")) {
            Cycle cycle = cycles.get(parts[3]);
            answer(exchange, cycle == null ? 404 : 200, cycle == null ? "{}" : cycle.row.toString());
        } else if (method.equals("POST") && path.endsWith("/evaluation")) {
            evaluate(exchange, cycles.get(parts[3]));
        } else if (method.equals("POST") && path.startsWith("/api/cycles/") && path.endsWith("/approval")) {
            approveCycle(exchange, cycles.get(parts[3]), caller);
        } else if (method.equals("POST") && path.equals("/api/assistance")) {
            idempotent(exchange, caller, body, () -> record(DemoHttp.JSON.readTree(body)), true);
        } else if (method.equals("GET") && path.equals("/api/assistance")) {
            page(exchange, query, assistance.values().stream()
                    .filter(row -> row.get("countyCode").asText().equals(query.get("countyCode"))).toList());
        } else if (method.equals("GET") && path.equals("/api/reports/freshness")) {
            answer(exchange, 200, "{\"lag\":0,\"partitions\":[]}");
        } else if (method.equals("GET") && path.startsWith("/api/reports/regions/")) {
            answer(exchange, 200, report(parts[4], county -> true).toString());
        } else if (method.equals("GET") && path.startsWith("/api/reports/counties/")) {
            answer(exchange, 200, report(parts[4], parts[4]::equals).toString());
        } else {
            answer(exchange, 404, "{\"status\":404}");
        }
    }

    // ---------------------------------------------------------------- members-service

    private void register(HttpExchange exchange, JsonNode json) throws IOException {
        if (!json.hasNonNull("registeredOn")) {
            answer(exchange, 400, "{\"violations\":[{\"field\":\"registeredOn\"}]}");
            return;
        }
        Member member = member(json.get("nationalId").asText(), json.get("countyCode").asText(),
                json.get("hardshipStatus").asText(), json.get("laborCapacity").asText(), json.get("annualIncome").decimalValue(),
                LocalDate.parse(json.get("registeredOn").asText()));
        Member there = membersByNationalId.putIfAbsent(member.nationalId(), member);
        if (there != null) {
            answer(exchange, 409, "{\"status\":409,\"existingMemberId\":\"" + there.id() + "\"}");
            return;
        }
        membersById.put(member.id(), member);
        registrations.incrementAndGet();
        answer(exchange, 201, "{\"id\":\"" + member.id() + "\"}");
    }

    private void importCsv(HttpExchange exchange, String csv) throws IOException {
        List<List<String>> rows = Csv.parse(csv);
        List<String> header = rows.get(0);
        ObjectNode report = DemoHttp.JSON.createObjectNode();
        ArrayNode rejected = report.putArray("rejected");
        int imported = 0;
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            Member member = member(row.get(header.indexOf("nationalId")), row.get(header.indexOf("countyCode")),
                    row.get(header.indexOf("hardshipStatus")), row.get(header.indexOf("laborCapacity")),
                    new BigDecimal(row.get(header.indexOf("annualIncome"))), LocalDate.parse(row.get(header.indexOf("registeredOn"))));
            Member there = membersByNationalId.putIfAbsent(member.nationalId(), member);
            if (there != null) {
                rejected.addObject().put("line", line + 1).put("nationalId", "***")
                        .putArray("violations").addObject().put("field", "nationalId")
                        .put("message", "is already registered to member " + there.id());
            } else {
                membersById.put(member.id(), member);
                imported++;
            }
        }
        imports.incrementAndGet();
        report.put("received", rows.size() - 1).put("imported", imported);
        answer(exchange, 200, report.toString());
    }

    private static Member member(String nationalId, String county, String hardship, String labor, BigDecimal income,
            LocalDate registeredOn) {
        return new Member(UUID.randomUUID().toString(), nationalId, county, hardship, labor, income, registeredOn);
    }

    // ---------------------------------------------------------------- relief-service

    private void policy(HttpExchange exchange, String method, String county, String body) throws IOException {
        ObjectNode policy = policies.computeIfAbsent(county, code -> (ObjectNode) read("{\"countyCode\":\"" + code
                + "\",\"hardshipReliefMin\":1000.00,\"hardshipReliefMax\":3000.00,\"livingSubsidyMin\":300.00,"
                + "\"livingSubsidyMax\":500.00,\"livingSubsidyAge\":70,\"specialReliefFloor\":500000.00,"
                + "\"startupSupportMax\":50000.00,\"veteranYears\":50,\"version\":0}"));
        synchronized (policy) {
            String etag = "\"" + policy.get("version").asLong() + "\"";
            if (method.equals("PUT")) {
                String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
                if (ifMatch == null) {
                    answer(exchange, 428, "{\"status\":428}");
                    return;
                }
                if (!ifMatch.equals(etag)) {
                    answer(exchange, 412, "{\"status\":412}");
                    return;
                }
                JsonNode rules = read(body);
                rules.fields().forEachRemaining(field -> policy.set(field.getKey(), field.getValue()));
                policy.put("version", policy.get("version").asLong() + 1);
                policyChanges.incrementAndGet();
                etag = "\"" + policy.get("version").asLong() + "\"";
            }
            exchange.getResponseHeaders().set("ETag", etag);
            answer(exchange, 200, policy.toString());
        }
    }

    private synchronized void fund(HttpExchange exchange, JsonNode json) throws IOException {
        String key = json.get("countyCode").asText() + "/" + json.get("year").asInt() + "/" + json.get("kind").asText();
        ObjectNode there = funds.get(key);
        if (there != null) {
            answer(exchange, 409, "{\"status\":409,\"existingFundId\":\"" + there.get("id").asText() + "\"}");
            return;
        }
        ObjectNode fund = ((ObjectNode) json).put("id", UUID.randomUUID().toString());
        fund.put("budget", new BigDecimal(json.get("budget").asText()));
        funds.put(key, fund);
        answer(exchange, 201, fund.toString());
    }

    private ObjectNode fundById(String id) {
        return funds.values().stream().filter(fund -> fund.get("id").asText().equals(id)).findFirst().orElse(null);
    }

    private interface Write {
        Object[] run() throws IOException;
    }

    /** A write under an Idempotency-Key: a key answered before gets its first answer again and changes nothing. */
    private void idempotent(HttpExchange exchange, String caller, String body, Write write, boolean namesMember)
            throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            answer(exchange, 400, "{\"status\":400,\"detail\":\"Idempotency-Key required\"}");
            return;
        }
        if (namesMember) {
            JsonNode json = read(body);
            if (!membersById.containsKey(json.path("memberId").asText()) || memberUnknownAnswers.getAndDecrement() > 0) {
                answer(exchange, 422, "{\"status\":422,\"rule\":\"member-unknown\"}");
                return;
            }
        }
        Object[] kept;
        synchronized (answers) {
            kept = answers.get(caller + "/" + key);
            if (kept == null) {
                kept = write.run();
                if ((int) kept[0] < 300) {
                    answers.put(caller + "/" + key, kept);
                }
                if ((int) kept[0] < 300 && lostAnswers.getAndDecrement() > 0) {
                    answer(exchange, 500, SERVER_ERROR);
                    return;
                }
            } else {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
        }
        answer(exchange, (int) kept[0], (String) kept[1]);
    }

    private Object[] requestDisbursement(JsonNode json, String caller) {
        Member member = membersById.get(json.get("memberId").asText());
        BigDecimal amount = new BigDecimal(json.get("amount").asText());
        String kind = json.get("kind").asText();
        ObjectNode policy = policies.get(member.countyCode());
        BigDecimal max = policy == null ? new BigDecimal("3000") : policy.get("hardshipReliefMax").decimalValue();
        if (kind.equals("HARDSHIP_RELIEF") && (amount.compareTo(new BigDecimal("1000")) < 0 || amount.compareTo(max) > 0)) {
            return new Object[] {422, "{\"status\":422,\"rule\":\"amount-band\"}"};
        }
        if (kind.equals("HARDSHIP_RELIEF") && !member.hardshipStatus().equals("IN_DIFFICULTY")) {
            return new Object[] {422, "{\"status\":422,\"rule\":\"hardship-required\"}"};
        }
        ObjectNode fund = fundById(json.get("fundId").asText());
        if (fund == null || !fund.get("countyCode").asText().equals(member.countyCode())) {
            return new Object[] {422, "{\"status\":422,\"rule\":\"member-county\"}"};
        }
        ObjectNode row = ((ObjectNode) json).put("id", UUID.randomUUID().toString()).put("countyCode", member.countyCode())
                .put("status", "REQUESTED").put("requestedBy", caller);
        row.put("amount", amount);
        disbursements.put(row.get("id").asText(), new Disbursement(row));
        return new Object[] {201, row.toString()};
    }

    private void approve(HttpExchange exchange, String id, String caller) throws IOException {
        Disbursement d = disbursements.get(id);
        if (d == null) {
            answer(exchange, 404, "{}");
            return;
        }
        synchronized (d) {
            if (!d.status().equals("REQUESTED")) {
                answer(exchange, 409, "{\"status\":409,\"rule\":\"illegal-transition\"}");
                return;
            }
            if (d.row.get("requestedBy").asText().equals(caller)) {
                answer(exchange, 422, "{\"status\":422,\"rule\":\"maker-checker\"}");
                return;
            }
            d.row.put("status", "APPROVED");
        }
        answer(exchange, 200, d.row.toString());
    }

    private Object[] createCycle(JsonNode json, String caller) {
        ObjectNode row = ((ObjectNode) json).put("id", UUID.randomUUID().toString()).put("status", "DRAFT").put("entitlements", 0);
        cycles.put(row.get("id").asText(), new Cycle(row, caller));
        return new Object[] {201, row.toString()};
    }

    private void evaluate(HttpExchange exchange, Cycle cycle) throws IOException {
        synchronized (cycle) {
            LocalDate on = LocalDate.parse(cycle.row.get("disbursedOn").asText());
            cycle.entitled.clear();
            for (Member member : membersById.values()) {
                if (member.countyCode().equals(cycle.row.get("countyCode").asText()) && member.hardshipStatus().equals("IN_DIFFICULTY")
                        && Period.between(NationalIds.birthDate(member.nationalId()), on).getYears() >= 70
                        && member.laborCapacity().equals("NONE") && member.income().signum() == 0) {
                    cycle.entitled.add(member);
                }
            }
            cycle.row.put("entitlements", cycle.entitled.size());
            answer(exchange, 200, cycle.row.toString());
        }
    }

    private void approveCycle(HttpExchange exchange, Cycle cycle, String caller) throws IOException {
        synchronized (cycle) {
            if (cycle.creator.equals(caller)) {
                answer(exchange, 422, "{\"status\":422,\"rule\":\"maker-checker\"}");
                return;
            }
            if (!cycle.row.get("status").asText().equals("APPROVED")) {
                cycle.row.put("status", "APPROVED");
                for (Member member : cycle.entitled) {
                    ObjectNode row = DemoHttp.JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                            .put("memberId", member.id()).put("countyCode", member.countyCode()).put("kind", "LIVING_SUBSIDY")
                            .put("disbursedOn", cycle.row.get("disbursedOn").asText()).put("status", "APPROVED");
                    row.put("amount", new BigDecimal(cycle.row.get("amount").asText()));
                    disbursements.put(row.get("id").asText(), new Disbursement(row));
                }
            }
            answer(exchange, 200, cycle.row.toString());
        }
    }

    private Object[] record(JsonNode json) {
        Member member = membersById.get(json.get("memberId").asText());
        ObjectNode row = ((ObjectNode) json).put("id", UUID.randomUUID().toString()).put("countyCode", member.countyCode());
        JsonNode details = row.remove("details");
        details.fields().forEachRemaining(field -> row.set(field.getKey(), field.getValue()));
        if (!row.has("skills")) {
            row.putArray("skills");
        }
        assistance.put(row.get("id").asText(), row);
        return new Object[] {201, row.toString()};
    }

    // ---------------------------------------------------------------- reporting-service

    /** The 2015 figures of the counties {@code counties} admits, counted from what the fake holds. */
    private ObjectNode report(String region, Predicate<String> counties) {
        ObjectNode report = DemoHttp.JSON.createObjectNode().put("regionCode", region).put("year", 2015);
        long total = membersById.values().stream().filter(m -> counties.test(m.countyCode())).count();
        long difficult = membersById.values().stream().filter(m -> counties.test(m.countyCode()))
                .filter(m -> m.hardshipStatus().equals("IN_DIFFICULTY")).count();
        report.put("membersTotal", total).put("membersInDifficulty", difficult)
                .put("povertyRate", BigDecimal.valueOf(difficult).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP))
                .put("membersLiftedOut", 0).put("newlyInDifficulty", difficult).put("newlyLiftedOut", 0);
        BigDecimal special = BigDecimal.ZERO.setScale(2);
        BigDecimal startup = BigDecimal.ZERO.setScale(2);
        for (ObjectNode fund : funds.values()) {
            if (counties.test(fund.get("countyCode").asText())) {
                if (fund.get("kind").asText().equals("STARTUP")) {
                    startup = startup.add(fund.get("budget").decimalValue());
                } else {
                    special = special.add(fund.get("budget").decimalValue());
                }
            }
        }
        report.put("fundsBudgeted", special.add(startup)).put("fundsBudgetedSpecialRelief", special).put("fundsBudgetedStartup", startup);
        BigDecimal approved = BigDecimal.ZERO.setScale(2);
        long count = 0;
        Set<String> beneficiaries = new HashSet<>();
        Map<String, BigDecimal> money = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Set<String>> byKind = new HashMap<>();
        for (Disbursement d : disbursements.values()) {
            if (counties.test(d.row.get("countyCode").asText()) && d.status().equals("APPROVED")) {
                String kind = d.row.get("kind").asText();
                BigDecimal amount = d.row.get("amount").decimalValue();
                approved = approved.add(amount);
                count++;
                beneficiaries.add(d.row.get("memberId").asText());
                money.merge(kind, amount, BigDecimal::add);
                counts.merge(kind, 1L, Long::sum);
                byKind.computeIfAbsent(kind, any -> new HashSet<>()).add(d.row.get("memberId").asText());
            }
        }
        report.put("fundsApproved", approved).put("disbursements", count).put("beneficiaries", beneficiaries.size());
        report.put("fundUtilisation", approved.divide(special.add(startup), 4, RoundingMode.HALF_UP));
        for (String kind : DemoTally.KINDS) {
            report.put("fundsApproved" + DemoTally.camel(kind), money.getOrDefault(kind, BigDecimal.ZERO).setScale(2));
            report.put("disbursements" + DemoTally.camel(kind), counts.getOrDefault(kind, 0L));
            report.put("beneficiaries" + DemoTally.camel(kind), byKind.getOrDefault(kind, Set.of()).size());
        }
        Map<String, Long> records = new HashMap<>();
        Set<String> employers = new HashSet<>();
        Set<String> paired = new HashSet<>();
        Set<String> cadres = new HashSet<>();
        Set<String> leaders = new HashSet<>();
        Set<String> medicalOrEducation = new HashSet<>();
        for (ObjectNode row : assistance.values()) {
            if (!counties.test(row.get("countyCode").asText())) {
                continue;
            }
            String kind = row.get("kind").asText();
            records.merge(kind, 1L, Long::sum);
            switch (kind) {
                case "JOB_PLACEMENT" -> employers.add(row.get("employer").asText());
                case "PAIRING" -> {
                    paired.add(row.get("memberId").asText());
                    (row.get("helperType").asText().equals("CADRE") ? cadres : leaders).add(row.get("helperId").asText());
                }
                case "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE" -> medicalOrEducation.add(row.get("memberId").asText());
                default -> {
                }
            }
        }
        report.put("trainingPersonTimes", records.getOrDefault("SKILLS_TRAINING", 0L))
                .put("jobPlacements", records.getOrDefault("JOB_PLACEMENT", 0L)).put("distinctEmployers", employers.size())
                .put("minimumLivingAllowanceEnrolments", records.getOrDefault("MINIMUM_LIVING_ALLOWANCE", 0L))
                .put("medicalAssistanceEnrolments", records.getOrDefault("MEDICAL_ASSISTANCE", 0L))
                .put("educationAssistanceEnrolments", records.getOrDefault("EDUCATION_ASSISTANCE", 0L))
                .put("membersMedicalOrEducationAssisted", medicalOrEducation.size())
                .put("projectRecommendations", records.getOrDefault("PROJECT_RECOMMENDATION", 0L))
                .put("pairings", records.getOrDefault("PAIRING", 0L)).put("membersPaired", paired.size())
                .put("helpersCadre", cadres.size()).put("helpersBusinessLeader", leaders.size());
        misreported.forEach(report::put);
        return report;
    }

    // ---------------------------------------------------------------- HTTP

    private void page(HttpExchange exchange, Map<String, String> query, List<ObjectNode> all) throws IOException {
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        List<ObjectNode> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(row -> row.get("id").asText()));
        ObjectNode answer = DemoHttp.JSON.createObjectNode().put("page", page).put("size", size).put("total", sorted.size());
        ArrayNode items = answer.putArray("items");
        sorted.stream().skip((long) page * size).limit(size).forEach(items::add);
        answer(exchange, 200, answer.toString());
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static JsonNode read(String json) {
        try {
            return DemoHttp.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
