package org.memberaid.deploy.loadgen.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;

/**
 * The system's books once it is idle, read through its APIs, and whether they agree: every fund's
 * approved total is the sum of its APPROVED and PAID disbursements and within its budget; every
 * county's report equals the registry (active members, members in difficulty) and the ledger
 * (money approved and disbursements, per year, to the fen).
 */
final class Books {

    private static final int PAGE = 500;
    private static final Duration REPORT_PATIENCE = Duration.ofSeconds(90);
    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    /** A county's figures of one year, as the registry and the ledger give them or as the report shows them. */
    record Figures(long members, long inDifficulty, BigDecimal approved, long disbursements) {

        @Override
        public String toString() {
            return String.format("%,d members, %,d in difficulty, %s yuan approved in %,d disbursements", members,
                    inDifficulty, approved.toPlainString(), disbursements);
        }
    }

    private final Api api;
    /** The APPROVED and PAID disbursements, read once: the books are read when the system is idle. */
    private List<JsonNode> settled;

    Books(Api api) {
        this.api = api;
    }

    /**
     * Checks every fund against the disbursements; prints a line per fund kind and year.
     *
     * @return the problems found, none when the ledger is exact
     */
    List<String> funds(PrintStream out) throws InterruptedException, SystemTestFailure {
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal> byFund = new TreeMap<>();
        for (JsonNode disbursement : settled()) {
            byFund.merge(disbursement.path("fundId").asText(), disbursement.path("amount").decimalValue(), BigDecimal::add);
        }
        int funds = 0;
        BigDecimal budgets = NO_MONEY;
        BigDecimal approvedTotal = NO_MONEY;
        for (JsonNode fund : all(api.relief, "/api/funds?", Role.CASEWORKER)) {
            funds++;
            BigDecimal budget = fund.path("budget").decimalValue();
            BigDecimal approved = fund.path("approved").decimalValue();
            BigDecimal disbursed = byFund.getOrDefault(fund.path("id").asText(), NO_MONEY);
            budgets = budgets.add(budget);
            approvedTotal = approvedTotal.add(approved);
            String name = fund.path("countyCode").asText() + " " + fund.path("year").asInt() + " "
                    + fund.path("kind").asText();
            if (approved.compareTo(disbursed) != 0) {
                problems.add("fund " + name + " says " + approved.toPlainString() + " approved, its APPROVED and PAID"
                        + " disbursements sum to " + disbursed.toPlainString());
            }
            if (approved.compareTo(budget) > 0) {
                problems.add("fund " + name + " is overspent: " + approved.toPlainString() + " approved of "
                        + budget.toPlainString());
            }
        }
        out.printf("  funds: %d, budgets %s yuan, approved %s yuan = the sum of their APPROVED and PAID disbursements:"
                + " %s; none overspent: %s%n", funds, budgets.toPlainString(), approvedTotal.toPlainString(),
                problems.stream().noneMatch(p -> p.contains("disbursements sum")) ? "yes" : "NO",
                problems.stream().noneMatch(p -> p.contains("overspent")) ? "yes" : "NO");
        return problems;
    }

    /**
     * Compares each county's report with the registry and the ledger, for {@code currentYear}
     * (members) and every year with money (money), waiting up to 90 s for the reports to catch up.
     */
    List<String> reports(int currentYear, PrintStream out) throws InterruptedException, SystemTestFailure {
        Map<String, Figures> expected = new TreeMap<>();
        List<String> counties = counties();
        Map<String, BigDecimal> money = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode disbursement : settled()) {
            String key = disbursement.path("countyCode").asText() + "/" + disbursement.path("disbursedOn").asText().substring(0, 4);
            money.merge(key, disbursement.path("amount").decimalValue(), BigDecimal::add);
            counts.merge(key, 1L, Long::sum);
        }
        Set<Integer> years = new TreeSet<>();
        years.add(currentYear);
        money.keySet().forEach(key -> years.add(Integer.parseInt(key.substring(key.indexOf('/') + 1))));
        for (String county : counties) {
            long members = total(api.members, "/api/members?registrationStatus=ACTIVE&countyCode=" + county);
            long inDifficulty = total(api.members,
                    "/api/members?registrationStatus=ACTIVE&hardshipStatus=IN_DIFFICULTY&countyCode=" + county);
            for (int year : years) {
                String key = county + "/" + year;
                expected.put(key, new Figures(year == currentYear ? members : -1, year == currentYear ? inDifficulty : -1,
                        money.getOrDefault(key, NO_MONEY), counts.getOrDefault(key, 0L)));
            }
        }
        long deadline = System.nanoTime() + REPORT_PATIENCE.toNanos();
        List<String> problems;
        do {
            problems = new ArrayList<>();
            for (Map.Entry<String, Figures> entry : expected.entrySet()) {
                String county = entry.getKey().substring(0, entry.getKey().indexOf('/'));
                String year = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
                JsonNode report = api.read(api.reports, "/api/reports/counties/" + county + "?year=" + year, Role.ANALYST);
                Figures want = entry.getValue();
                Figures shown = new Figures(want.members() < 0 ? -1 : report.path("membersTotal").asLong(),
                        want.inDifficulty() < 0 ? -1 : report.path("membersInDifficulty").asLong(),
                        report.path("fundsApproved").decimalValue(), report.path("disbursements").asLong());
                if (!same(want, shown)) {
                    problems.add("report of " + entry.getKey() + ": " + shown + "; the registry and ledger: " + want);
                }
            }
            if (problems.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        for (int year : years) {
            long members = 0;
            long inDifficulty = 0;
            BigDecimal approved = NO_MONEY;
            long disbursements = 0;
            for (String county : counties) {
                Figures figures = expected.get(county + "/" + year);
                members += Math.max(0, figures.members());
                inDifficulty += Math.max(0, figures.inDifficulty());
                approved = approved.add(figures.approved());
                disbursements += figures.disbursements();
            }
            out.printf("  %d, %d counties: %s%s%n", year, counties.size(),
                    year == currentYear ? String.format("%,d members, %,d in difficulty (registry), ", members, inDifficulty) : "",
                    String.format("%s yuan approved in %,d disbursements (ledger)", approved.toPlainString(), disbursements));
        }
        out.println("  the reports " + (problems.isEmpty() ? "equal them, county by county" : "DIFFER: " + problems.size()));
        return problems;
    }

    private static boolean same(Figures want, Figures shown) {
        return want.members() == shown.members() && want.inDifficulty() == shown.inDifficulty()
                && want.approved().compareTo(shown.approved()) == 0 && want.disbursements() == shown.disbursements();
    }

    private List<String> counties() throws InterruptedException, SystemTestFailure {
        List<String> counties = new ArrayList<>();
        JsonNode regions = api.read(api.members, "/api/regions", Role.REGISTRAR);
        for (JsonNode region : regions.isArray() ? regions : regions.path("items")) {
            if ("COUNTY".equals(region.path("level").asText())) {
                counties.add(region.path("code").asText());
            }
        }
        counties.sort(null);
        return counties;
    }

    /** Every APPROVED and PAID disbursement. */
    private List<JsonNode> settled() throws InterruptedException, SystemTestFailure {
        if (settled == null) {
            List<JsonNode> read = new ArrayList<>(all(api.relief, "/api/disbursements?status=APPROVED&", Role.CASEWORKER));
            read.addAll(all(api.relief, "/api/disbursements?status=PAID&", Role.CASEWORKER));
            settled = read;
        }
        return settled;
    }

    private long total(URI base, String path) throws InterruptedException, SystemTestFailure {
        return api.read(base, path + "&size=1", Role.REGISTRAR).path("total").asLong();
    }

    /** Every item of a paged list; {@code path} ends with {@code ?} or {@code &}. */
    private List<JsonNode> all(URI base, String path, Role role) throws InterruptedException, SystemTestFailure {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.read(base, path + "size=" + PAGE + "&page=" + page, role);
            answer.path("items").forEach(items::add);
            if (answer.path("items").size() < PAGE || items.size() >= answer.path("total").asLong()) {
                return items;
            }
        }
    }
}
