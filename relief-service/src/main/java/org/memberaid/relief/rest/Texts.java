package org.memberaid.relief.rest;

import java.util.ArrayList;
import java.util.List;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;

/**
 * Free text is trimmed and bounded; blank counts as absent. The bounds are the lengths of the
 * columns the text is stored in, named once here for the checks and the OpenAPI document.
 */
final class Texts {

    /** A name: a project, an employer. */
    static final int NAME = 200;
    /** Why: a request's, decision's or reversal's reason, a note. */
    static final int REASON = 500;
    /** Who: a person's id or name. */
    static final int PERSON = 100;

    private Texts() {
    }

    static String bounded(String value, String field, int maxLength, boolean required, List<Violation> violations) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
        } else if (text.codePointCount(0, text.length()) > maxLength) {
            violations.add(new Violation(field, "must be at most " + maxLength + " characters"));
        }
        return text;
    }

    /** A decision's reason (rejection, reversal, cancellation, removal): required, bounded; else 400 naming {@code reason}. */
    static String reason(String value) {
        List<Violation> violations = new ArrayList<>();
        String text = bounded(value, "reason", REASON, true, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return text;
    }
}
