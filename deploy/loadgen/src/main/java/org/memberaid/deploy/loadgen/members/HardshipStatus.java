package org.memberaid.deploy.loadgen.members;

/** The statuses a registration may carry; LIFTED_OUT only arises later, from the member's history. */
public enum HardshipStatus {
    NOT_IN_DIFFICULTY,
    IN_DIFFICULTY
}
