package org.memberaid.relief.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.memberaid.problems.Problem;
import org.memberaid.relief.domain.ConflictException;
import org.memberaid.relief.domain.MemberReplica;
import org.memberaid.relief.domain.NotFoundException;
import org.memberaid.relief.domain.RuleViolationException;
import org.memberaid.relief.domain.VersionMismatchException;
import org.memberaid.relief.service.PaymentBatches;

/** relief-service's own failures as problem+json; the common ones come from problem-details. */
public class ReliefProblemMapper {

    /**
     * A refusal by a rule. {@code member-unknown} may only mean that the member's registration has
     * not reached relief yet (it usually does within a second): it stays a 422, as for a member
     * that does not exist or lies outside the caller's region (answered alike on purpose), and says
     * when to try again.
     */
    @ServerExceptionMapper
    public Response rule(RuleViolationException e) {
        Response refusal = Problem.of(422, "rule/" + e.rule(), "Refused by the programme's rules", e.getMessage())
                .with("rule", e.rule()).toResponse();
        return MemberReplica.UNKNOWN.equals(e.rule())
                ? Response.fromResponse(refusal).header(HttpHeaders.RETRY_AFTER, MemberReplica.RETRY_AFTER_SECONDS)
                        .build()
                : refusal;
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        Problem problem = Problem.of(409, e.slug(), "Conflict", e.getMessage());
        e.details().forEach(problem::with);
        return problem.toResponse();
    }

    @ServerExceptionMapper
    public Response reconciliationRefused(PaymentBatches.ReconciliationRefused e) {
        return PaymentBatchResource.refusal(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.notFound(e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response versionMismatch(VersionMismatchException e) {
        return Response.fromResponse(Problem.of(412, "version-mismatch", "Changed since read", e.getMessage())
                        .with("currentVersion", e.currentVersion()).toResponse())
                .header(HttpHeaders.ETAG, "\"" + e.currentVersion() + "\"").build();
    }
}
