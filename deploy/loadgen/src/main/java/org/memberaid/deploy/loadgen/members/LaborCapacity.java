package org.memberaid.deploy.loadgen.members;

public enum LaborCapacity {
    FULL,
    PARTIAL,
    NONE
}
