package org.memberaid.relief.domain;

import java.util.Map;

/** The request conflicts with the current state (answered 409, with what the client needs to know). */
public class ConflictException extends RuntimeException {

    private final String slug;
    private final Map<String, Object> details;

    public ConflictException(String slug, String message, Map<String, Object> details) {
        super(message);
        this.slug = slug;
        this.details = Map.copyOf(details);
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> details() {
        return details;
    }
}
