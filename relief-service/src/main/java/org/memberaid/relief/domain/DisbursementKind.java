package org.memberaid.relief.domain;

public enum DisbursementKind {
    HARDSHIP_RELIEF,
    LIVING_SUBSIDY,
    STARTUP_SUPPORT,
    HOLIDAY_VISIT;

    /** Startup support is paid from the STARTUP fund, everything else from special relief. */
    public FundKind fundKind() {
        return this == STARTUP_SUPPORT ? FundKind.STARTUP : FundKind.SPECIAL_RELIEF;
    }
}
