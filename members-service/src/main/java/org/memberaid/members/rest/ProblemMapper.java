package org.memberaid.members.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.IllegalTransitionException;
import org.memberaid.members.domain.MemberNotFoundException;
import org.memberaid.members.domain.RuleViolationException;
import org.memberaid.members.domain.VersionMismatchException;
import org.memberaid.problems.Problem;

/**
 * The registry's own failures as problem+json; invalid input, unreadable JSON and the unexpected
 * are answered by {@link org.memberaid.problems.CommonProblemMappers}.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response duplicate(DuplicateNationalIdException e) {
        Problem problem = Problem.of(409, "duplicate-national-id", "National ID already registered", e.getMessage());
        if (e.existingMemberId() != null) {
            problem.with("existingMemberId", e.existingMemberId());
        }
        return problem.toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(MemberNotFoundException e) {
        return Problem.notFound(e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.of(409, "illegal-transition", "Not allowed in the member's current state", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response rule(RuleViolationException e) {
        return Problem.of(422, "rule/" + e.rule(), "Refused by the registry's rules", e.getMessage())
                .with("rule", e.rule()).toResponse();
    }

    @ServerExceptionMapper
    public Response versionMismatch(VersionMismatchException e) {
        return Response.fromResponse(Problem.of(412, "version-mismatch", "The member has changed", e.getMessage())
                        .with("currentVersion", e.currentVersion()).toResponse())
                .header(HttpHeaders.ETAG, "\"" + e.currentVersion() + "\"")
                .build();
    }
}
