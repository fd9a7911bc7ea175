package org.memberaid.members.domain;

import java.util.UUID;

/** A national ID is registered once; this names the member who already holds it. */
public class DuplicateNationalIdException extends RuntimeException {

    private final UUID existingMemberId;

    public DuplicateNationalIdException(UUID existingMemberId) {
        super("This national ID is already registered to member " + existingMemberId);
        this.existingMemberId = existingMemberId;
    }

    public UUID existingMemberId() {
        return existingMemberId;
    }
}
