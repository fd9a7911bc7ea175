package org.memberaid.deploy.loadgen.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.cli.Durations;
import org.memberaid.deploy.loadgen.demo.DemoHttp.Answer;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Assistance;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Cycle;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Disbursement;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Fund;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Member;
import org.memberaid.deploy.loadgen.measure.Figures;
import org.memberaid.deploy.loadgen.members.MemberCsv;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMember;

/**
 * Loads a {@link ZhangyeDemo} into the running system through its public HTTP APIs, as a client
 * would: registrations and imports (registrar), Sunan's wider hardship relief (admin), the funds
 * (admin), a wait until relief-service knows every member in difficulty, the disbursements
 * (requested by the caseworker, approved by the approver), the living subsidy cycles, and the
 * assistance records (caseworker). Requests go out in parallel from a bounded pool.
 *
 * <p>Every write is idempotent, so a second load of one seed changes nothing: a national ID
 * registered already answers 409 with the member's id, an import reports the rows registered
 * already, a fund that exists answers 409 with its id, a disbursement, cycle or assistance record
 * carries an Idempotency-Key derived from the seed and the record, and before writing any the
 * loader lists what the counties hold for 2015 and skips what is there (relief keeps keys 48
 * hours; the lists keep a re-run exact after that too).
 */
public final class DemoLoader {

    /** The base URLs of the three services. */
    public record Endpoints(URI members, URI relief, URI reports) {
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(120);
    static final Duration MEMBER_UNKNOWN_PAUSE = Duration.ofMillis(250);
    private static final int PAGE = 500;
    private static final String FIRST_DAY = ZhangyeDemo.YEAR + "-01-01";
    private static final String LAST_DAY = ZhangyeDemo.YEAR + "-12-31";

    private final Endpoints endpoints;
    private final DemoHttp http;
    private final int concurrency;
    private final PrintStream out;
    private final Duration replicaTimeout;

    public DemoLoader(Endpoints endpoints, AccessTokens tokens, int concurrency, PrintStream out) {
        this(endpoints, tokens, concurrency, out, REPLICA_TIMEOUT);
    }

    DemoLoader(Endpoints endpoints, AccessTokens tokens, int concurrency, PrintStream out, Duration replicaTimeout) {
        tokens.require(Role.REGISTRAR, Role.ADMIN, Role.CASEWORKER, Role.APPROVER);
        this.endpoints = endpoints;
        this.http = new DemoHttp(tokens);
        this.concurrency = concurrency;
        this.out = out;
        this.replicaTimeout = replicaTimeout;
    }

    /** Loads the demo; answers how long each step took, in the order of the steps. */
    public Map<String, Duration> load(ZhangyeDemo demo) throws DemoFailure, InterruptedException {
        Map<String, Duration> steps = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            Run run = new Run(demo, pool);
            step(steps, "members", run::members);
            step(steps, "policies", run::policies);
            step(steps, "funds", run::funds);
            step(steps, "replica", run::awaitReplica);
            step(steps, "disbursements", run::disbursements);
            step(steps, "cycles", run::cycles);
            step(steps, "assistance", run::assistance);
        } finally {
            pool.shutdownNow();
        }
        return steps;
    }

    private interface Step {
        void run() throws DemoFailure, InterruptedException;
    }

    private void step(Map<String, Duration> steps, String name, Step step) throws DemoFailure, InterruptedException {
        long started = System.nanoTime();
        step.run();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        steps.put(name, elapsed);
        out.printf("step %-14s %s%n", name, Durations.seconds(elapsed));
    }

    /** One load of one demo. */
    private final class Run {

        private final ZhangyeDemo demo;
        private final ExecutorService pool;
        /** National ID → member id, of the members registered one by one. */
        private final Map<String, String> memberIds = new ConcurrentHashMap<>();
        /** "countyCode/KIND" → fund id. */
        private final Map<String, String> fundIds = new ConcurrentHashMap<>();

        Run(ZhangyeDemo demo, ExecutorService pool) {
            this.demo = demo;
            this.pool = pool;
        }

        // ------------------------------------------------------------ members

        void members() throws DemoFailure, InterruptedException {
            URI register = endpoint(endpoints.members(), "/api/members");
            URI importUri = endpoint(endpoints.members(), "/api/members/import");
            AtomicInteger registered = new AtomicInteger();
            AtomicInteger existing = new AtomicInteger();
            AtomicInteger imported = new AtomicInteger();
            AtomicInteger importedBefore = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            Map<String, List<Member>> toImport = new LinkedHashMap<>();
            for (Member member : demo.members()) {
                if (!member.oneByOne()) {
                    toImport.computeIfAbsent(member.countyCode(), any -> new ArrayList<>()).add(member);
                }
            }
            // The imports first: each is long, and the pool works through the registrations beside them.
            for (Map.Entry<String, List<Member>> county : toImport.entrySet()) {
                tasks.add(() -> importCounty(importUri, county.getKey(), county.getValue(), imported, importedBefore));
            }
            for (Member member : demo.members()) {
                if (member.oneByOne()) {
                    tasks.add(() -> register(register, member, registered, existing));
                }
            }
            runAll(tasks);
            out.printf("members: %s registered one by one (%s new, %s there already); %s imported in %d files (%s new,"
                            + " %s there already)%n", Figures.count(memberIds.size()), Figures.count(registered.get()),
                    Figures.count(existing.get()), Figures.count(imported.get() + importedBefore.get()), toImport.size(),
                    Figures.count(imported.get()), Figures.count(importedBefore.get()));
        }

        private void register(URI uri, Member member, AtomicInteger registered, AtomicInteger existing)
                throws DemoFailure, InterruptedException {
            Answer answer = http.postJson(uri, Role.REGISTRAR, MemberJson.toJson(member.member(), member.registeredOn()), Map.of());
            String id;
            if (answer.status() == 201) {
                id = answer.text("id");
                if (id == null && answer.header("Location") != null) {
                    String location = answer.header("Location");
                    id = location.substring(location.lastIndexOf('/') + 1);
                }
                registered.incrementAndGet();
            } else if (answer.status() == 409 && answer.text("existingMemberId") != null) {
                id = answer.text("existingMemberId");
                existing.incrementAndGet();
            } else {
                throw new DemoFailure(answer.describe());
            }
            if (id == null) {
                throw new DemoFailure(answer.describe() + " without the member's id");
            }
            memberIds.put(member.nationalId(), id);
        }

        private void importCounty(URI uri, String county, List<Member> members, AtomicInteger imported,
                AtomicInteger importedBefore) throws DemoFailure, InterruptedException {
            Map<SyntheticMember, Member> byMember = new java.util.IdentityHashMap<>();
            members.forEach(member -> byMember.put(member.member(), member));
            String csv = MemberCsv.toCsvWithRegisteredOn(members.stream().map(Member::member).toList(),
                    member -> byMember.get(member).registeredOn());
            Answer answer = http.postCsv(uri, Role.REGISTRAR, csv);
            if (answer.status() != 200 || !answer.body().path("imported").canConvertToLong()) {
                throw new DemoFailure(answer.describe());
            }
            long received = answer.body().path("received").asLong();
            long newlyImported = answer.body().path("imported").asLong();
            List<String> otherRejections = new ArrayList<>();
            long there = 0;
            for (JsonNode row : answer.body().path("rejected")) {
                if (row.path("violations").toString().contains("already registered")) {
                    there++;
                } else if (otherRejections.size() < 5) {
                    otherRejections.add(row.toString());
                }
            }
            if (!otherRejections.isEmpty() || received != members.size() || newlyImported + there != members.size()) {
                throw new DemoFailure("the import of " + county + " (" + members.size() + " rows) received " + received
                        + ", imported " + newlyImported + ", found " + there + " registered already; other rejections: "
                        + otherRejections);
            }
            imported.addAndGet((int) newlyImported);
            importedBefore.addAndGet((int) there);
        }

        // ------------------------------------------------------------ policies and funds

        /** Sunan widens its hardship relief to 5,000 yuan, for Zhang Ailian (the article's serious case). */
        void policies() throws DemoFailure, InterruptedException {
            URI uri = endpoint(endpoints.relief(), "/api/policies/" + DemoCounty.SUNAN);
            Answer policy = http.get(uri, Role.ADMIN);
            if (policy.status() != 200 || !policy.body().path("hardshipReliefMax").isNumber()) {
                throw new DemoFailure(policy.describe());
            }
            BigDecimal max = policy.body().get("hardshipReliefMax").decimalValue();
            BigDecimal wanted = new BigDecimal("5000.00");
            if (max.compareTo(wanted) >= 0) {
                out.printf("policies: %s allows hardship relief up to %s yuan already%n", DemoCounty.SUNAN, max.toPlainString());
                return;
            }
            ObjectNode rules = DemoHttp.JSON.createObjectNode();
            for (String field : List.of("hardshipReliefMin", "hardshipReliefMax", "livingSubsidyMin", "livingSubsidyMax",
                    "livingSubsidyAge", "specialReliefFloor", "startupSupportMax", "veteranYears")) {
                rules.set(field, policy.body().get(field));
            }
            rules.put("hardshipReliefMax", wanted);
            String etag = policy.header("ETag");
            Answer put = http.putJson(uri, Role.ADMIN, rules.toString(), Map.of("If-Match", etag == null ? "\"0\"" : etag));
            if (put.status() != 200) {
                throw new DemoFailure(put.describe());
            }
            out.printf("policies: %s widened: hardship relief up to %s yuan (was %s)%n", DemoCounty.SUNAN, wanted.toPlainString(),
                    max.toPlainString());
        }

        void funds() throws DemoFailure, InterruptedException {
            URI uri = endpoint(endpoints.relief(), "/api/funds");
            AtomicInteger allocated = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            for (Fund fund : demo.funds()) {
                tasks.add(() -> {
                    String body = String.format(Locale.ROOT, "{\"countyCode\":\"%s\",\"year\":%d,\"kind\":\"%s\",\"budget\":\"%s\"}",
                            fund.countyCode(), ZhangyeDemo.YEAR, fund.kind(), fund.budget().toPlainString());
                    Answer answer = http.postJson(uri, Role.ADMIN, body, Map.of());
                    String id;
                    if (answer.status() == 201) {
                        id = answer.text("id");
                        allocated.incrementAndGet();
                    } else if (answer.status() == 409 && answer.text("existingFundId") != null) {
                        id = answer.text("existingFundId");
                    } else {
                        throw new DemoFailure(answer.describe());
                    }
                    fundIds.put(fund.countyCode() + "/" + fund.kind(), id);
                });
            }
            runAll(tasks);
            out.printf("funds: %d of 2015 (%d allocated, %d there already)%n", demo.funds().size(), allocated.get(),
                    demo.funds().size() - allocated.get());
        }

        // ------------------------------------------------------------ the replica

        /**
         * Probes every member registered one by one on relief with 0.01 yuan of hardship relief,
         * below every band: 422 member-unknown until relief's replica applied the member's event,
         * then 422 amount-band. The probes create nothing.
         */
        void awaitReplica() throws DemoFailure, InterruptedException {
            URI uri = endpoint(endpoints.relief(), "/api/disbursements");
            long deadline = System.nanoTime() + replicaTimeout.toNanos();
            AtomicInteger probes = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            for (Member member : demo.members()) {
                if (!member.oneByOne()) {
                    continue;
                }
                tasks.add(() -> {
                    String body = String.format(Locale.ROOT, "{\"memberId\":\"%s\",\"fundId\":\"%s\",\"kind\":\"HARDSHIP_RELIEF\","
                                    + "\"amount\":\"0.01\",\"disbursedOn\":\"%s\",\"reason\":\"demo probe\"}",
                            memberId(member.nationalId()), fundId(member.countyCode(), "SPECIAL_RELIEF"), LAST_DAY);
                    while (true) {
                        Answer answer = http.postJson(uri, Role.CASEWORKER, body, Map.of(IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
                        probes.incrementAndGet();
                        if (answer.status() == 422 && "amount-band".equals(answer.rule())) {
                            return;
                        }
                        if (!(answer.status() == 422 && "member-unknown".equals(answer.rule()))) {
                            throw new DemoFailure("the probe " + answer.describe() + " (expected 422 amount-band)");
                        }
                        if (System.nanoTime() > deadline) {
                            throw new DemoFailure("relief-service still does not know member " + member.nationalId() + " after "
                                    + Durations.describe(replicaTimeout) + ": is its consumer of members.events running?");
                        }
                        Thread.sleep(MEMBER_UNKNOWN_PAUSE.toMillis());
                    }
                });
            }
            runAll(tasks);
            out.printf("replica: relief-service knows all %s members in difficulty (%s probes, none creates anything)%n",
                    Figures.count(tasks.size()), Figures.count(probes.get()));
        }

        // ------------------------------------------------------------ disbursements

        void disbursements() throws DemoFailure, InterruptedException {
            Map<String, Deque<JsonNode>> existing = new ConcurrentHashMap<>();
            for (DemoCounty county : DemoCounty.ALL) {
                for (JsonNode row : list("/api/disbursements?countyCode=" + county.code() + "&from=" + FIRST_DAY + "&to=" + LAST_DAY)) {
                    if (!"LIVING_SUBSIDY".equals(row.path("kind").asText())) {
                        existing.computeIfAbsent(signature(row.path("memberId").asText(), row.path("kind").asText(),
                                row.path("disbursedOn").asText(), row.path("amount").decimalValue()), any -> new ArrayDeque<>()).add(row);
                    }
                }
            }
            AtomicInteger requested = new AtomicInteger();
            AtomicInteger approved = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            for (Disbursement disbursement : demo.disbursements()) {
                JsonNode there = take(existing, signature(memberId(disbursement.nationalId()), disbursement.kind(),
                        disbursement.disbursedOn().toString(), disbursement.amount()));
                tasks.add(() -> {
                    String id;
                    String status;
                    if (there != null) {
                        id = there.path("id").asText();
                        status = there.path("status").asText();
                    } else {
                        Answer answer = request(disbursement);
                        id = answer.text("id");
                        status = answer.text("status");
                        requested.incrementAndGet();
                    }
                    if ("REQUESTED".equals(status)) {
                        approve(id);
                        approved.incrementAndGet();
                    } else if ("APPROVED".equals(status) || "PAID".equals(status)) {
                        done.incrementAndGet();
                    } else {
                        throw new DemoFailure("disbursement " + id + " (" + disbursement.key() + ") is " + status);
                    }
                });
            }
            runAll(tasks);
            out.printf("disbursements: %s (%s requested, %s approved, %s approved already): %s%n",
                    Figures.count(tasks.size()), Figures.count(requested.get()), Figures.count(approved.get()),
                    Figures.count(done.get()), demo.disbursements().stream()
                            .collect(Collectors.groupingBy(Disbursement::kind, LinkedHashMap::new, Collectors.counting())));
        }

        private Answer request(Disbursement disbursement) throws DemoFailure, InterruptedException {
            ObjectNode body = DemoHttp.JSON.createObjectNode();
            body.put("memberId", memberId(disbursement.nationalId()));
            body.put("fundId", fundId(disbursement.countyCode(), disbursement.fundKind()));
            body.put("kind", disbursement.kind());
            body.put("amount", disbursement.amount().toPlainString());
            body.put("disbursedOn", disbursement.disbursedOn().toString());
            if (disbursement.mechanism() != null) {
                body.put("mechanism", disbursement.mechanism());
            }
            if (disbursement.projectName() != null) {
                body.put("projectName", disbursement.projectName());
            }
            body.put("reason", disbursement.reason());
            Answer answer = writeRetryingUnknownMembers(endpoint(endpoints.relief(), "/api/disbursements"), body.toString(),
                    demo.idempotencyKey(disbursement.key()));
            if (answer.status() != 201 || answer.text("id") == null) {
                throw new DemoFailure(answer.describe());
            }
            return answer;
        }

        /** Approves a REQUESTED disbursement; one APPROVED already (a replayed request's first answer) is done. */
        private void approve(String id) throws DemoFailure, InterruptedException {
            Answer answer = http.postJson(endpoint(endpoints.relief(), "/api/disbursements/" + id + "/approval"), Role.APPROVER,
                    "{}", Map.of());
            if (answer.status() == 200 && "APPROVED".equals(answer.text("status"))) {
                return;
            }
            if (answer.status() == 409) {
                Answer now = http.get(endpoint(endpoints.relief(), "/api/disbursements/" + id), Role.APPROVER);
                if ("APPROVED".equals(now.text("status")) || "PAID".equals(now.text("status"))) {
                    return;
                }
            }
            throw new DemoFailure(answer.describe());
        }

        // ------------------------------------------------------------ cycles

        void cycles() throws DemoFailure, InterruptedException {
            List<Task> tasks = new ArrayList<>();
            for (Cycle cycle : demo.cycles()) {
                tasks.add(() -> cycle(cycle));
            }
            runAll(tasks);
        }

        private void cycle(Cycle cycle) throws DemoFailure, InterruptedException {
            JsonNode found = null;
            for (JsonNode row : list("/api/cycles?countyCode=" + cycle.countyCode() + "&year=" + ZhangyeDemo.YEAR)) {
                if (cycle.name().equals(row.path("name").asText()) && !"REJECTED".equals(row.path("status").asText())
                        && !"CANCELLED".equals(row.path("status").asText())) {
                    found = row;
                }
            }
            String id;
            String status;
            if (found != null) {
                id = found.path("id").asText();
                status = found.path("status").asText();
            } else {
                ObjectNode body = DemoHttp.JSON.createObjectNode();
                body.put("countyCode", cycle.countyCode());
                body.put("year", ZhangyeDemo.YEAR);
                body.put("kind", "LIVING_SUBSIDY");
                body.put("fundId", fundId(cycle.countyCode(), "SPECIAL_RELIEF"));
                body.put("name", cycle.name());
                body.put("amount", cycle.amount().toPlainString());
                body.put("disbursedOn", cycle.disbursedOn().toString());
                Answer created = http.postJson(endpoint(endpoints.relief(), "/api/cycles"), Role.CASEWORKER, body.toString(),
                        Map.of(IDEMPOTENCY_KEY, demo.idempotencyKey(cycle.key()).toString()));
                if (created.status() != 201 || created.text("id") == null) {
                    throw new DemoFailure(created.describe());
                }
                id = created.text("id");
                status = http.get(endpoint(endpoints.relief(), "/api/cycles/" + id), Role.CASEWORKER).text("status");
            }
            if ("APPROVED".equals(status)) {
                out.printf("cycle %s: %s is APPROVED already%n", cycle.countyCode(), id);
                return;
            }
            if (!"DRAFT".equals(status)) {
                throw new DemoFailure("cycle " + id + " of " + cycle.countyCode() + " is " + status);
            }
            for (int attempt = 1; ; attempt++) {
                Answer evaluated = http.postJson(endpoint(endpoints.relief(), "/api/cycles/" + id + "/evaluation"),
                        Role.CASEWORKER, "{}", Map.of(), DemoHttp.LONG_TIMEOUT);
                if (evaluated.status() != 200) {
                    throw new DemoFailure(evaluated.describe());
                }
                int entitlements = evaluated.body().path("entitlements").asInt(-1);
                Answer approved = http.postJson(endpoint(endpoints.relief(), "/api/cycles/" + id + "/approval"),
                        Role.APPROVER, "{}", Map.of(), DemoHttp.LONG_TIMEOUT);
                if (approved.status() == 200 && "APPROVED".equals(approved.text("status"))) {
                    out.printf("cycle %s: %s evaluated (%s entitlements, %s expected) and approved, %s yuan each%n",
                            cycle.countyCode(), id, Figures.count(entitlements), Figures.count(cycle.entitled().size()),
                            cycle.amount().toPlainString());
                    return;
                }
                if (!(approved.status() == 409 && "cycle-stale".equals(approved.rule()) && attempt < 3)) {
                    throw new DemoFailure(approved.describe());
                }
            }
        }

        // ------------------------------------------------------------ assistance

        void assistance() throws DemoFailure, InterruptedException {
            Map<String, Deque<JsonNode>> existing = new ConcurrentHashMap<>();
            for (DemoCounty county : DemoCounty.ALL) {
                for (JsonNode row : list("/api/assistance?countyCode=" + county.code())) {
                    if (row.path("providedOn").asText().startsWith(ZhangyeDemo.YEAR + "-")) {
                        List<String> skills = new ArrayList<>();
                        row.path("skills").forEach(skill -> skills.add(skill.asText()));
                        existing.computeIfAbsent(signature(row.path("memberId").asText(), row.path("kind").asText(),
                                row.path("providedOn").asText(), skills.isEmpty() ? null : String.join(";", skills),
                                text(row, "employer"), text(row, "projectName"), text(row, "helperId")),
                                any -> new ArrayDeque<>()).add(row);
                    }
                }
            }
            URI uri = endpoint(endpoints.relief(), "/api/assistance");
            AtomicInteger recorded = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            for (Assistance record : demo.assistance()) {
                JsonNode there = take(existing, signature(memberId(record.nationalId()), record.kind(),
                        record.providedOn().toString(), record.skills() == null ? null : String.join(";", record.skills()),
                        record.employer(), record.projectName(), record.helperId()));
                if (there != null) {
                    continue;
                }
                tasks.add(() -> {
                    Answer answer = writeRetryingUnknownMembers(uri, assistanceBody(record), demo.idempotencyKey(record.key()));
                    if (answer.status() != 201 && answer.status() != 200) {
                        throw new DemoFailure(answer.describe());
                    }
                    recorded.incrementAndGet();
                });
            }
            runAll(tasks);
            out.printf("assistance: %s records (%s recorded now, %s there already): %s%n", Figures.count(demo.assistance().size()),
                    Figures.count(recorded.get()), Figures.count(demo.assistance().size() - tasks.size()),
                    demo.assistance().stream().collect(Collectors.groupingBy(Assistance::kind, LinkedHashMap::new,
                            Collectors.counting())));
        }

        private String assistanceBody(Assistance record) {
            ObjectNode body = DemoHttp.JSON.createObjectNode();
            body.put("memberId", memberId(record.nationalId()));
            body.put("kind", record.kind());
            body.put("providedOn", record.providedOn().toString());
            ObjectNode details = body.putObject("details");
            if (record.skills() != null) {
                ArrayNode skills = details.putArray("skills");
                record.skills().forEach(skills::add);
            }
            putIfPresent(details, "employer", record.employer());
            putIfPresent(details, "projectName", record.projectName());
            putIfPresent(details, "helperId", record.helperId());
            putIfPresent(details, "helperName", record.helperName());
            putIfPresent(details, "helperType", record.helperType());
            return body.toString();
        }

        // ------------------------------------------------------------ shared

        /**
         * A caseworker's write with an Idempotency-Key: 422 member-unknown (relief has not heard of
         * the member yet) and 409 request-in-progress are tried again after a pause, within the
         * replica's timeout.
         */
        private Answer writeRetryingUnknownMembers(URI uri, String body, UUID key) throws DemoFailure, InterruptedException {
            long deadline = System.nanoTime() + replicaTimeout.toNanos();
            while (true) {
                Answer answer = http.postJson(uri, Role.CASEWORKER, body, Map.of(IDEMPOTENCY_KEY, key.toString()));
                boolean unknown = answer.status() == 422 && "member-unknown".equals(answer.rule());
                boolean inProgress = answer.status() == 409 && "request-in-progress".equals(answer.rule());
                if ((!unknown && !inProgress) || System.nanoTime() > deadline) {
                    return answer;
                }
                Thread.sleep(MEMBER_UNKNOWN_PAUSE.toMillis());
            }
        }

        /** Every row of a relief list, page by page. */
        private List<JsonNode> list(String pathAndQuery) throws DemoFailure, InterruptedException {
            List<JsonNode> rows = new ArrayList<>();
            for (int page = 0; ; page++) {
                Answer answer = http.get(endpoint(endpoints.relief(), pathAndQuery + "&size=" + PAGE + "&page=" + page), Role.CASEWORKER);
                if (answer.status() != 200 || !answer.body().path("items").isArray()) {
                    throw new DemoFailure(answer.describe());
                }
                answer.body().get("items").forEach(rows::add);
                if (answer.body().get("items").size() < PAGE) {
                    return rows;
                }
            }
        }

        private String memberId(String nationalId) {
            String id = memberIds.get(nationalId);
            if (id == null) {
                throw new IllegalStateException("no id for member " + nationalId + ": not registered one by one");
            }
            return id;
        }

        private String fundId(String countyCode, String kind) {
            return fundIds.get(countyCode + "/" + kind);
        }

        /** Runs the tasks on the pool; the first failures (up to 5) fail the step. */
        private void runAll(List<Task> tasks) throws DemoFailure, InterruptedException {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            List<String> failures = new ArrayList<>();
            int failed = 0;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failed++;
                    if (failures.size() < 5) {
                        Throwable cause = e.getCause();
                        failures.add(cause instanceof DemoFailure ? cause.getMessage() : String.valueOf(cause));
                    }
                }
            }
            if (failed > 0) {
                throw new DemoFailure(failed + " of " + tasks.size() + " requests failed, e.g.:\n  " + String.join("\n  ", failures));
            }
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    private static JsonNode take(Map<String, Deque<JsonNode>> existing, String signature) {
        Deque<JsonNode> rows = existing.get(signature);
        return rows == null ? null : rows.poll();
    }

    private static String signature(String memberId, String kind, String day, BigDecimal amount) {
        return memberId + "|" + kind + "|" + day + "|" + amount.stripTrailingZeros().toPlainString();
    }

    private static String signature(String... parts) {
        return String.join("|", java.util.Arrays.stream(parts).map(String::valueOf).toList());
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static URI endpoint(URI base, String pathAndQuery) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + pathAndQuery);
    }
}
