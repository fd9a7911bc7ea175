package org.memberaid.members.domain;

/** Whether a member is on the rolls. Only ACTIVE members count in any figure. */
public enum RegistrationStatus {
    ACTIVE,
    DECEASED,
    TRANSFERRED_OUT
}
