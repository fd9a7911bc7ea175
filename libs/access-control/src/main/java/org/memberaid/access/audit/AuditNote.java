package org.memberaid.access.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.memberaid.access.Caller;
import org.memberaid.database.TimeOrderedUuids;

/**
 * What a resource tells the audit trail about the current request beyond its method and route: a
 * read that revealed personal data, audited like a write, and whom it revealed; or a write whose
 * line its writer commits with the change ({@link #draft}). Also the request's id.
 */
@RequestScoped
public class AuditNote {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern PLAUSIBLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    private String action;
    private String target;
    private String requestId;
    private AuditDraft draft;

    /** This read showed {@code fields} (e.g. "nationalId,phone") of {@code target} unmasked. */
    public void reveal(String fields, String target) {
        this.action = "REVEAL " + fields;
        this.target = target;
    }

    /**
     * The line of this write ({@code action}: method and route as the trail names them, e.g.
     * {@code POST /api/members}), for the writer that decides and commits it; call on the
     * request's thread, after authentication.
     */
    public AuditDraft draft(String action) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        draft = new AuditDraft(token.getSubject(), Caller.roles(identity), Caller.regionClaim(identity), action,
                requestId());
        return draft;
    }

    /** The caller's own request id, when it sent a plausible one, else a new one. */
    public String requestId() {
        if (requestId == null) {
            String sent = request.getHeader(REQUEST_ID);
            requestId = sent != null && PLAUSIBLE_REQUEST_ID.matcher(sent).matches()
                    ? sent : TimeOrderedUuids.next().toString();
        }
        return requestId;
    }

    String action() {
        return action;
    }

    String target() {
        return target;
    }

    /** Whether this request's line was committed by its writer already. */
    boolean written() {
        return draft != null && draft.isWritten();
    }
}
