package org.memberaid.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are those of Asia/Shanghai, whatever zone the server runs in. */
@ApplicationScoped
public class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Instant now() {
        return clock.instant();
    }

    /** One clock for the service, so time-dependent rules can be tested with a fixed one. */
    static class ClockProducer {

        @Produces
        @Singleton
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
