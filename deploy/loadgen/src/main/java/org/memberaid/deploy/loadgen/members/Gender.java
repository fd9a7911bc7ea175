package org.memberaid.deploy.loadgen.members;

public enum Gender {
    MALE,
    FEMALE
}
