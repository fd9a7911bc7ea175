package org.memberaid.deploy.loadgen.members;

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
