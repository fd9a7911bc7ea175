package org.memberaid.members.rest;

import org.memberaid.members.domain.NationalId;

/**
 * The one place that decides whether a response shows a member's whole national ID. Until access
 * control arrives (the security issue), asking with {@code ?reveal=nationalId} is enough; every
 * other answer shows it masked.
 */
public final class NationalIdDisclosure {

    public static final String REVEAL_PARAMETER = "reveal";
    public static final String NATIONAL_ID = "nationalId";

    private NationalIdDisclosure() {
    }

    public static String shown(String nationalId, String reveal) {
        return NATIONAL_ID.equals(reveal) ? nationalId : NationalId.masked(nationalId);
    }
}
