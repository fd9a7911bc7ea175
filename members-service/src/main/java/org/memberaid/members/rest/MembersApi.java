package org.memberaid.members.rest;

import org.memberaid.problems.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The OpenAPI description of the registry, with the error answers every operation shares. */
@OpenAPIDefinition(
        info = @Info(title = "memberaid members-service", version = "1",
                description = "The registry of party members and their hardship status. Errors are RFC 9457 "
                        + "application/problem+json; lists are paged {items, page, size, total}."),
        components = @Components(responses = {
            @APIResponse(name = "Invalid", responseCode = "400", description = "Invalid request; nothing was changed",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = """
                                    {"type":"https://memberaid.org/problems/validation","title":"Invalid request",
                                     "status":400,"detail":"The request has 1 invalid field(s)",
                                     "violations":[{"field":"nationalId","message":"has a wrong check digit"}]}"""))),
            @APIResponse(name = "NotFound", responseCode = "404", description = "No such member",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = "Conflict", responseCode = "409",
                    description = "The member's state does not allow this change (e.g. deregistered, not in difficulty)",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = "PreconditionFailed", responseCode = "412",
                    description = "If-Match names a version other than the current one (see currentVersion and ETag)",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = "PreconditionRequired", responseCode = "428",
                    description = "If-Match is missing: send the ETag of the member you read",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
public class MembersApi extends Application {
}
