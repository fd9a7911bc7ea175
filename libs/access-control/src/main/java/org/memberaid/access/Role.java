package org.memberaid.access;

import java.util.Set;

/**
 * The realm roles a token carries (claim {@code realm_access.roles}), each a function of the
 * programme. A person may hold several; none of them implies another.
 */
public final class Role {

    /** Registers, updates, assesses, transfers, deregisters and imports members. */
    public static final String REGISTRAR = "registrar";
    /** Requests disbursements and records assistance. */
    public static final String CASEWORKER = "caseworker";
    /** Approves, rejects and reverses disbursements (never their own requests). */
    public static final String APPROVER = "approver";
    /** Reads reports. */
    public static final String ANALYST = "analyst";
    /** Funds, policies, rebuilding reports, the audit log. */
    public static final String ADMIN = "admin";
    /** Reads everything, including the audit log; changes nothing. */
    public static final String AUDITOR = "auditor";

    /** Every memberaid role; a token's other roles (the provider's defaults) mean nothing here. */
    public static final Set<String> ALL = Set.of(REGISTRAR, CASEWORKER, APPROVER, ANALYST, ADMIN,
            AUDITOR);

    private Role() {
    }
}
