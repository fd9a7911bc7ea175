package org.memberaid.members.domain;

/** Causes of hardship, as the census recorded them. */
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
