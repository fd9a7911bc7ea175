package org.memberaid.relief.rest;

import org.memberaid.problems.InvalidInputException;

/** What every relief resource checks of a JSON body before reading it. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, or a 400 naming {@code body} when the request came without one. */
    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required");
        }
        return body;
    }
}
