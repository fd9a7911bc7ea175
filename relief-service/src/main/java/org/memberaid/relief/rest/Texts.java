package org.memberaid.relief.rest;

import java.util.List;
import org.memberaid.problems.Violation;

/** Free text is trimmed and bounded; blank counts as absent. */
final class Texts {

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
}
