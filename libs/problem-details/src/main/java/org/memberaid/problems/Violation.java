package org.memberaid.problems;

/** One invalid field of a request and what is wrong with it. */
public record Violation(String field, String message) {
}
