package org.memberaid.deploy.loadgen.members;

public enum HardshipCause {
    OLD_AGE,
    ILLNESS,
    DISABILITY,
    DISASTER,
    LOW_EDUCATION,
    LACK_OF_FUNDS,
    LACK_OF_SKILLS,
    OTHER
}
