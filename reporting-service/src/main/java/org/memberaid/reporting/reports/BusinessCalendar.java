package org.memberaid.reporting.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.memberaid.reporting.config.ProgrammeConfig;
import org.memberaid.reporting.domain.ProgrammeYears;

/** Business dates are those of Asia/Shanghai, whatever zone the server runs in. */
@ApplicationScoped
public class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Clock clock;

    @Inject
    ProgrammeConfig programme;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The years the programme holds today: the configured first year to next year. */
    public ProgrammeYears programmeYears() {
        return ProgrammeYears.asOf(programme.firstYear(), today());
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
