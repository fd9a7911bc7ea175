package org.memberaid.members.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The programme's settings that every service shares, under the same names in each
 * ({@code memberaid.programme.*}), so that what one service accepts the others can hold and report.
 */
@ConfigMapping(prefix = "memberaid.programme")
public interface ProgrammeConfig {

    /**
     * The first year the programme holds (env {@code MEMBERAID_PROGRAMME_FIRST_YEAR}); the last is
     * next year, by the service's clock.
     */
    @WithDefault("2000")
    int firstYear();
}
