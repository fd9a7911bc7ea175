package org.memberaid.members.domain;

public enum HardshipStatus {
    NOT_IN_DIFFICULTY,
    IN_DIFFICULTY,
    LIFTED_OUT
}
