package org.memberaid.members.domain;

/** A change the member's current state does not allow (answered 409). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
