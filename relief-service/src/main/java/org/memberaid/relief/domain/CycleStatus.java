package org.memberaid.relief.domain;

/** A cycle is DRAFT (evaluated any number of times, entitlements removed) until APPROVED, REJECTED or CANCELLED. */
public enum CycleStatus {
    DRAFT,
    APPROVED,
    REJECTED,
    CANCELLED
}
