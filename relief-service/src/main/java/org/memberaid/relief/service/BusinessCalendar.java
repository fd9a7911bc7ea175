package org.memberaid.relief.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.memberaid.relief.config.ProgrammeConfig;
import org.memberaid.relief.domain.ProgrammeYears;

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
}
