package org.memberaid.members.domain;

import java.util.UUID;

/**
 * A national ID is registered once; this names the member who already holds it, or no one when
 * that member lies outside the caller's region.
 */
public class DuplicateNationalIdException extends RuntimeException {

    private final UUID existingMemberId;

    private final String existingCountyCode;

    public DuplicateNationalIdException(UUID existingMemberId, String existingCountyCode) {
        super(existingMemberId == null ? "This national ID is already registered in another region"
                : "This national ID is already registered to member " + existingMemberId);
        this.existingMemberId = existingMemberId;
        this.existingCountyCode = existingCountyCode;
    }

    /** The same duplicate without naming the holder (who lies outside the caller's region). */
    public DuplicateNationalIdException anonymous() {
        return new DuplicateNationalIdException(null, null);
    }

    public String existingCountyCode() {
        return existingCountyCode;
    }

    public UUID existingMemberId() {
        return existingMemberId;
    }
}
