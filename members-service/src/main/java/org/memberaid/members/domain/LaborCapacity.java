package org.memberaid.members.domain;

public enum LaborCapacity {
    FULL,
    PARTIAL,
    NONE
}
