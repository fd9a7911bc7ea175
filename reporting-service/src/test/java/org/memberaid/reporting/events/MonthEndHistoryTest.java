package org.memberaid.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberaid.access.Role;
import org.memberaid.deploy.kafka.KafkaBrokerTestResource;
import org.memberaid.reporting.EventFixtures;
import org.memberaid.reporting.ReportApi;
import org.memberaid.testing.TestTokens;

/**
 * The month-end history over a generated registry: members registered over six years, each then
 * assessed, lifted out, transferred and deregistered on dates drawn at random after its registration
 * and entered in any order (registrars catch up on paper records), some of them as the previous
 * release published them (no {@code registeredOn}; changes dated before the registration, which
 * members-service then accepted). Sent through Kafka, then every month of every year is read back.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MonthEndHistoryTest {

    private static final List<String> COUNTIES = List.of("629911", "629912", "629913");
    private static final int FIRST_YEAR = 2019;
    private static final int LAST_YEAR = 2024;
    private static final long SEED = 20151209L;
    private static final int MEMBERS = 90;

    @BeforeEach
    void signIn() {
        TestTokens.actAs("analyst-1", "620000", Role.ANALYST);
    }

    @Test
    void neverShowsMoreMembersInDifficultyThanMembersAndAPastYearGivesTheStockAtItsEnd() {
        Registry registry = Registry.generate(new Random(SEED));
        try (EventFixtures events = new EventFixtures()) {
            registry.events().forEach(event -> events.send("members.events", event.key(), event.json()));
        }
        ReportApi.awaitCaughtUp();

        for (String county : COUNTIES) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                List<Map<String, Object>> months = ReportApi.months(county, year);
                for (int month = 1; month <= 12; month++) {
                    LocalDate monthEnd = YearMonth.of(year, month).atEndOfMonth();
                    Stock shown = Stock.of(months.get(month - 1));
                    assertThat(shown.inDifficulty() + shown.liftedOut()).as("%s at the end of %s: %s (seed %d)", county,
                            monthEnd, shown, SEED).isLessThanOrEqualTo(shown.total());
                    assertThat(shown).as("%s at the end of %s (seed %d)", county, monthEnd, SEED)
                            .isEqualTo(registry.stockAt(county, monthEnd));
                }
                assertThat(Stock.of(ReportApi.county(county, year))).as("%s, report of %d (seed %d)", county, year, SEED)
                        .isEqualTo(registry.stockAt(county, LocalDate.of(year, 12, 31)))
                        .isEqualTo(Stock.of(months.get(11)));
            }
        }
    }

    /** Members, in difficulty and lifted out, as a report shows them or as the generated registry has them. */
    record Stock(long total, long inDifficulty, long liftedOut) {

        static Stock of(Map<String, Object> report) {
            return new Stock(number(report, "membersTotal"), number(report, "membersInDifficulty"),
                    number(report, "membersLiftedOut"));
        }

        private static long number(Map<String, Object> report, String field) {
            return ((Number) report.get(field)).longValue();
        }
    }

    /** One event of members.events: its key and CloudEvents JSON. */
    record Event(String key, String json) {
    }

    /** A member's state after a change, and the date the change is dated. */
    record Change(String type, String county, String hardship, String registration, LocalDate effectiveOn,
            String previousCounty) {
    }

    /** A generated member: its registration, then its changes in the order they were entered. */
    record Member(UUID id, LocalDate registeredOn, boolean previousRelease, List<Change> changes) {

        /**
         * The state counting at the end of {@code day}: the last change dated on or before it, where a
         * change dated before the one entered ahead of it counts from that one's date (and none counts
         * before the registration).
         */
        Change stateAt(LocalDate day) {
            Change state = null;
            LocalDate since = registeredOn;
            for (Change change : changes) {
                if (change.effectiveOn().isAfter(since)) {
                    since = change.effectiveOn();
                }
                if (since.isAfter(day)) {
                    break;
                }
                state = change;
            }
            return state;
        }

        List<Event> events() {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                long sequence = i + 1;
                String data = "{\"id\":\"%s\",\"countyCode\":\"%s\",\"birthDate\":\"1950-01-01\",\"hardshipStatus\":\"%s\","
                        .formatted(id, change.county(), change.hardship())
                        + "\"registrationStatus\":\"%s\",\"version\":%d,\"effectiveOn\":\"%s\""
                                .formatted(change.registration(), sequence, change.effectiveOn())
                        + (previousRelease ? "" : ",\"registeredOn\":\"" + registeredOn + "\"")
                        + (change.previousCounty() == null ? "" : ",\"previousCountyCode\":\"" + change.previousCounty() + "\"")
                        + ("deregistered".equals(change.type()) ? ",\"deregistrationReason\":\"" + change.registration() + "\"" : "")
                        + "}";
                events.add(new Event(id.toString(), """
                        {"specversion":"1.0","id":"%s","source":"/members-service","type":"memberaid.member.%s.v1",\
                        "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json",\
                        "sequence":%d,"data":%s}""".formatted(UUID.randomUUID(), change.type(), id, sequence, data)));
            }
            return events;
        }
    }

    /** The generated registry, and what it holds at a month's end. */
    record Registry(List<Member> members, List<Event> events) {

        static Registry generate(Random random) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                // each county has a member from the first year on, so every year's report exists
                LocalDate registeredOn = i < COUNTIES.size() ? LocalDate.of(FIRST_YEAR, 1, 15)
                        : randomDay(random, LocalDate.of(FIRST_YEAR, 1, 1), LocalDate.of(LAST_YEAR, 9, 30));
                String county = i < COUNTIES.size() ? COUNTIES.get(i) : COUNTIES.get(random.nextInt(COUNTIES.size()));
                members.add(member(random, registeredOn, county, random.nextInt(5) == 0));
            }
            return new Registry(members, interleaved(random, members));
        }

        private static Member member(Random random, LocalDate registeredOn, String county, boolean previousRelease) {
            List<Change> changes = new ArrayList<>();
            String hardship = random.nextInt(10) < 3 ? "IN_DIFFICULTY" : "NOT_IN_DIFFICULTY";
            changes.add(new Change("registered", county, hardship, "ACTIVE", registeredOn, null));
            int more = random.nextInt(6);
            for (int i = 0; i < more; i++) {
                // the previous release accepted changes dated before the registration
                LocalDate from = previousRelease ? registeredOn.minusDays(400) : registeredOn;
                LocalDate on = randomDay(random, from, LocalDate.of(LAST_YEAR, 12, 31));
                int pick = random.nextInt(10);
                if (pick == 0) {
                    String reason = random.nextBoolean() ? "DECEASED" : "TRANSFERRED_OUT";
                    changes.add(new Change("deregistered", county, hardship, reason, on, null));
                    break;
                } else if (pick <= 2) {
                    String to = COUNTIES.get((COUNTIES.indexOf(county) + 1 + random.nextInt(COUNTIES.size() - 1))
                            % COUNTIES.size());
                    changes.add(new Change("transferred", to, hardship, "ACTIVE", on, county));
                    county = to;
                } else {
                    hardship = switch (hardship) {
                        case "IN_DIFFICULTY" -> random.nextBoolean() ? "LIFTED_OUT" : "NOT_IN_DIFFICULTY";
                        default -> "IN_DIFFICULTY";
                    };
                    changes.add(new Change("hardship-assessed", county, hardship, "ACTIVE", on, null));
                }
            }
            return new Member(UUID.randomUUID(), registeredOn, previousRelease, changes);
        }

        /** Every member's events in its own order, the members' events mixed as they arrive from many registrars. */
        private static List<Event> interleaved(Random random, List<Member> members) {
            List<List<Event>> pending = new ArrayList<>();
            members.forEach(member -> pending.add(new ArrayList<>(member.events())));
            List<Event> events = new ArrayList<>();
            while (!pending.isEmpty()) {
                int next = random.nextInt(pending.size());
                events.add(pending.get(next).remove(0));
                if (pending.get(next).isEmpty()) {
                    pending.remove(next);
                }
            }
            return events;
        }

        private static LocalDate randomDay(Random random, LocalDate from, LocalDate to) {
            return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        }

        Stock stockAt(String county, LocalDate day) {
            long total = 0;
            long inDifficulty = 0;
            long liftedOut = 0;
            for (Member member : members) {
                Change state = member.stateAt(day);
                if (state != null && state.county().equals(county) && "ACTIVE".equals(state.registration())) {
                    total++;
                    inDifficulty += "IN_DIFFICULTY".equals(state.hardship()) ? 1 : 0;
                    liftedOut += "LIFTED_OUT".equals(state.hardship()) ? 1 : 0;
                }
            }
            return new Stock(total, inDifficulty, liftedOut);
        }
    }
}
