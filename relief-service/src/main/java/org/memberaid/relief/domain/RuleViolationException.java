package org.memberaid.relief.domain;

/**
 * A well-formed request that the programme's rules refuse (answered 422 naming the rule), for
 * instance a special relief fund below the county's floor or an ineligible member.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    /** Without a stack trace: a refusal is an answer, not a fault, and an evaluation may make thousands. */
    public RuleViolationException(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
