package org.memberaid.members.domain;

/**
 * A well-formed request that a rule of the registry refuses (answered 422 naming the rule), for
 * instance an assessment dated before the member was registered.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
