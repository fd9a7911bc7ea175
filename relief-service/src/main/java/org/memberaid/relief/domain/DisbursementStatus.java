package org.memberaid.relief.domain;

public enum DisbursementStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    REVERSED
}
