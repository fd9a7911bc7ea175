package org.memberaid.members.domain;

public enum DeregistrationReason {
    DECEASED,
    TRANSFERRED_OUT;

    public RegistrationStatus status() {
        return this == DECEASED ? RegistrationStatus.DECEASED : RegistrationStatus.TRANSFERRED_OUT;
    }
}
