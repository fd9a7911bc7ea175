package org.memberaid.access.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * What a resource tells the audit trail about the current request beyond its method and route: a
 * read that revealed personal data, audited like a write, and whom it revealed.
 */
@RequestScoped
public class AuditNote {

    private String action;
    private String target;

    /** This read showed {@code fields} (e.g. "nationalId,phone") of {@code target} unmasked. */
    public void reveal(String fields, String target) {
        this.action = "REVEAL " + fields;
        this.target = target;
    }

    String action() {
        return action;
    }

    String target() {
        return target;
    }
}
