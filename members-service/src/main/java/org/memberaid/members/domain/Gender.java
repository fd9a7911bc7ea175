package org.memberaid.members.domain;

public enum Gender {
    MALE,
    FEMALE
}
