package org.memberaid.deploy.loadgen.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.memberaid.deploy.loadgen.cli.AccessTokens.Role;
import org.memberaid.deploy.loadgen.members.HardshipCause;
import org.memberaid.deploy.loadgen.members.MemberJson;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;
import org.memberaid.deploy.loadgen.system.Api.Answer;

/**
 * Closed-loop load over the instances of a service, each client's requests going to the instances
 * in turn: registrations on members-service, or disbursement pairs (a hardship relief requested by
 * the caseworker, approved by the approver) on relief-service. Counts what was answered as expected.
 */
final class Throughput {

    /** @param completed registrations answered 201, or pairs whose approval answered 200 */
    record Result(long completed, long failed, Duration took) {

        double perSecond() {
            return completed / (took.toNanos() / 1e9);
        }
    }

    private final SyntheticMembers synthetic;

    Throughput(long seed, LocalDate today) {
        this.synthetic = new SyntheticMembers(seed, today);
    }

    Result registrations(List<Api> apis, int clients, Duration duration) throws InterruptedException {
        return run(clients, duration, (client, n) -> {
            Api api = apis.get((int) ((client + n) % apis.size()));
            String body = MemberJson.toJson(synthetic.nextInCounty("620702"));
            Answer answer = api.post(api.members, "/api/members", Role.REGISTRAR, body, Map.of());
            return answer != null && answer.status() == 201;
        });
    }

    /**
     * @param members members in difficulty that relief-service knows, of the fund's county
     */
    Result pairs(List<Api> apis, List<String> members, String fundId, LocalDate today, int clients, Duration duration)
            throws InterruptedException {
        return run(clients, duration, (client, n) -> {
            Api api = apis.get((int) ((client + n) % apis.size()));
            SplittableRandom random = new SplittableRandom(client * 1_000_003L + n);
            String body = String.format("{\"memberId\":\"%s\",\"fundId\":\"%s\",\"kind\":\"HARDSHIP_RELIEF\","
                    + "\"amount\":%s,\"disbursedOn\":\"%s\"}", members.get(random.nextInt(members.size())), fundId,
                    BigDecimal.valueOf(1_000 + 100L * random.nextInt(21)).setScale(2).toPlainString(), today);
            Answer requested = api.post(api.relief, "/api/disbursements", Role.CASEWORKER, body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (requested == null || requested.status() != 201) {
                return false;
            }
            Answer approved = api.post(api.relief, "/api/disbursements/" + requested.body().path("id").asText()
                    + "/approval", Role.APPROVER, "{}", Map.of());
            return approved != null && approved.status() == 200;
        });
    }

    /** Registers {@code count} members in difficulty in the county and returns their ids. */
    List<String> registerInDifficulty(Api api, String county, int count) throws InterruptedException, SystemTestFailure {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = MemberJson.toJson(synthetic.nextInDifficulty(county, List.of(HardshipCause.ILLNESS)));
            ids.add(CrashCourse.expect(api.post(api.members, "/api/members", Role.REGISTRAR, body, Map.of()), 201,
                    "registering a member for the pairs").path("id").asText());
        }
        return ids;
    }

    private interface Operation {
        boolean run(int client, long n) throws InterruptedException;
    }

    private static Result run(int clients, Duration duration, Operation operation) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    for (long n = 0; System.nanoTime() < end; n++) {
                        (operation.run(client, n) ? completed : failed).incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "throughput-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(completed.get(), failed.get(), Duration.ofNanos(System.nanoTime() - started));
    }
}
