package org.memberaid.relief.rest;

import java.util.List;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;

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

    /** Adds "is required" for {@code field} when its value is missing. */
    static void required(Object value, String field, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        }
    }
}
