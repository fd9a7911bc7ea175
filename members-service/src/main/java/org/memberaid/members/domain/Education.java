package org.memberaid.members.domain;

/** Highest completed education, in the categories of the party-member statistics. */
public enum Education {
    NONE,
    PRIMARY,
    JUNIOR_SECONDARY,
    SENIOR_SECONDARY,
    VOCATIONAL,
    JUNIOR_COLLEGE,
    BACHELOR,
    POSTGRADUATE
}
