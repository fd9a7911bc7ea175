package org.memberaid.reporting.events;

import java.util.List;

/** The topics reporting reads, each owned by the service that writes it. */
public final class Topics {

    public static final String MEMBERS = "members.events";
    public static final String RELIEF = "relief.events";
    public static final List<String> ALL = List.of(MEMBERS, RELIEF);

    private Topics() {
    }
}
