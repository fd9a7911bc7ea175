package org.memberaid.deploy.loadgen.scenario;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A stream of valid memberaid events as members-service and relief-service would have published
 * them, over many counties: two funds per county, then member stories (registration; for some a
 * hardship assessment, a disbursement requested and approved, an assistance record, lifting out,
 * a transfer or a deregistration), each member's events in sequence order under its key.
 */
final class BacklogEvents {

    /** One record to write. */
    record Event(String topic, String key, String value) {
    }

    private static final String[] KINDS = {"SKILLS_TRAINING", "JOB_PLACEMENT", "MINIMUM_LIVING_ALLOWANCE",
        "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE", "PROJECT_RECOMMENDATION", "PAIRING"};

    private final SplittableRandom random;
    private final List<String> counties;
    private final int year;
    private final int months;
    private final String time;

    BacklogEvents(long seed, int countyCount) {
        this.random = new SplittableRandom(seed);
        this.counties = new ArrayList<>(countyCount);
        for (int i = 0; i < countyCount; i++) {
            counties.add(String.format(Locale.ROOT, "71%04d", i));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        this.year = today.getYear();
        this.months = today.getMonthValue();
        this.time = today.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toString();
    }

    /** Hands {@code total} events to {@code sink}, in an order the consumers can apply. */
    void generate(long total, Consumer<Event> sink) {
        long[] written = {0};
        Consumer<Event> counting = event -> {
            if (written[0] < total) {
                sink.accept(event);
                written[0]++;
            }
        };
        for (String county : counties) {
            fund(county, "SPECIAL_RELIEF", "600000.00", counting);
            fund(county, "STARTUP", "100000.00", counting);
        }
        while (written[0] < total) {
            member(counting);
        }
    }

    private void member(Consumer<Event> sink) {
        UUID member = UUID.randomUUID();
        String county = counties.get(random.nextInt(counties.size()));
        int version = 1;
        String hardship = "NOT_IN_DIFFICULTY";
        sink.accept(memberEvent("registered", member, version, county, "ACTIVE", hardship, date()));
        if (random.nextInt(100) < 40) {
            hardship = "IN_DIFFICULTY";
            sink.accept(memberEvent("hardship-assessed", member, ++version, county, "ACTIVE", hardship, date()));
            if (random.nextInt(100) < 50) {
                disbursement(member, county, sink);
            }
            if (random.nextInt(100) < 30) {
                assistance(member, county, sink);
            }
            if (random.nextInt(100) < 10) {
                hardship = "LIFTED_OUT";
                sink.accept(memberEvent("hardship-assessed", member, ++version, county, "ACTIVE", hardship, date()));
            }
        }
        if (random.nextInt(100) < 3) {
            county = counties.get(random.nextInt(counties.size()));
            sink.accept(memberEvent("transferred", member, ++version, county, "ACTIVE", hardship, date()));
        }
        if (random.nextInt(100) < 1) {
            sink.accept(memberEvent("deregistered", member, ++version, county, "DECEASED", hardship, date()));
        }
    }

    private Event memberEvent(String type, UUID member, int version, String county, String status, String hardship,
            String effectiveOn) {
        String data = "{\"id\":\"" + member + "\",\"countyCode\":\"" + county + "\",\"birthDate\":\"1950-01-01\","
                + "\"gender\":\"MALE\",\"ethnicity\":\"汉族\",\"joinedPartyOn\":\"1975-07-01\",\"laborCapacity\":\"PARTIAL\","
                + "\"annualIncome\":3000.00,\"notableContribution\":false,\"hardshipStatus\":\"" + hardship + "\","
                + "\"causes\":[],\"registrationStatus\":\"" + status + "\",\"version\":" + version
                + ",\"effectiveOn\":\"" + effectiveOn + "\"}";
        return new Event("members.events", member.toString(),
                envelope("/members-service", "memberaid.member." + type + ".v1", member.toString(), version, data));
    }

    private void fund(String county, String kind, String budget, Consumer<Event> sink) {
        UUID fund = UUID.randomUUID();
        String data = "{\"id\":\"" + fund + "\",\"countyCode\":\"" + county + "\",\"year\":" + year + ",\"kind\":\""
                + kind + "\",\"budget\":" + budget + ",\"approved\":0.00,\"version\":1}";
        sink.accept(new Event("relief.events", fund.toString(),
                envelope("/relief-service", "memberaid.fund.allocated.v1", fund.toString(), 1, data)));
    }

    private void disbursement(UUID member, String county, Consumer<Event> sink) {
        UUID id = UUID.randomUUID();
        String amount = (1000 + random.nextInt(2001)) + ".00";
        String on = date();
        for (String status : new String[] {"REQUESTED", "APPROVED"}) {
            int version = status.equals("REQUESTED") ? 1 : 2;
            String data = "{\"id\":\"" + id + "\",\"memberId\":\"" + member + "\",\"fundId\":\"" + UUID.randomUUID()
                    + "\",\"countyCode\":\"" + county + "\",\"year\":" + year + ",\"kind\":\"HARDSHIP_RELIEF\",\"amount\":"
                    + amount + ",\"disbursedOn\":\"" + on + "\",\"mechanism\":null,\"status\":\"" + status
                    + "\",\"version\":" + version + "}";
            sink.accept(new Event("relief.events", member.toString(), envelope("/relief-service",
                    "memberaid.disbursement." + status.toLowerCase(Locale.ROOT) + ".v1", member.toString(), version, data)));
        }
    }

    private void assistance(UUID member, String county, Consumer<Event> sink) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        String details = switch (kind) {
            case "JOB_PLACEMENT" -> "\"employer\":\"employer-" + random.nextInt(200) + "\"";
            case "PAIRING" -> "\"helperId\":\"helper-" + random.nextInt(500) + "\",\"helperType\":\""
                    + (random.nextBoolean() ? "CADRE" : "BUSINESS_LEADER") + "\"";
            case "SKILLS_TRAINING" -> "\"skillCount\":2";
            default -> "\"projectName\":null";
        };
        String data = "{\"id\":\"" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"countyCode\":\"" + county
                + "\",\"kind\":\"" + kind + "\",\"providedOn\":\"" + date() + "\"," + details + "}";
        sink.accept(new Event("relief.events", member.toString(),
                envelope("/relief-service", "memberaid.assistance.recorded.v1", member.toString(), 1, data)));
    }

    private String envelope(String source, String type, String subject, int sequence, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source + "\",\"type\":\""
                + type + "\",\"subject\":\"" + subject + "\",\"time\":\"" + time
                + "\",\"datacontenttype\":\"application/json\",\"sequence\":" + sequence + ",\"data\":" + data + "}";
    }

    /** A business date of this year up to this month. */
    private String date() {
        return String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(months), 1 + random.nextInt(28));
    }
}
