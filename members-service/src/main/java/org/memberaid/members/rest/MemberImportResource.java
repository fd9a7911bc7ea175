package org.memberaid.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.memberaid.access.Caller;
import org.memberaid.access.Role;
import org.memberaid.members.config.ImportConfig;
import org.memberaid.members.service.CsvRows;
import org.memberaid.members.service.ImportReport;
import org.memberaid.problems.Problem;
import org.memberaid.members.service.MemberImport;

@Path("/api/members/import")
@Tag(name = "Members")
public class MemberImportResource {

    static final String CSV = "text/csv";

    @Inject
    MemberImport memberImport;

    @Inject
    Caller caller;

    @Inject
    ImportConfig config;

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importMembers", summary = "Import members from CSV (a county's census)",
            description = "UTF-8, RFC 4180, a header row. Columns (any order): nationalId, name, gender, ethnicity, "
                    + "phone, countyCode, township, village, partyBranch, joinedPartyOn, education, laborCapacity, "
                    + "annualIncome, notableContribution, hardshipStatus, causes (separated by ';'), bankAccount and "
                    + "accountHolder (the payee details: both or neither on a row). Required: "
                    + "nationalId, name, countyCode, joinedPartyOn, laborCapacity, annualIncome. Each row is validated "
                    + "like POST /api/members; valid rows are registered even when others fail, and each publishes "
                    + "memberaid.member.registered.v1 (and, with payee details, memberaid.member.payee-changed.v1). "
                    + "National IDs already registered, or repeated in the file, are "
                    + "reported, so re-running a file imports nothing twice. Rows of counties outside the caller's "
                    + "region are rejected.")
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "two members", value = """
            nationalId,name,gender,ethnicity,phone,countyCode,township,village,partyBranch,joinedPartyOn,education,laborCapacity,annualIncome,notableContribution,hardshipStatus,causes,bankAccount,accountHolder
            620702197001010015,王建国,MALE,汉族,13909360123,620702,梁家墩镇,清凉寺村,清凉寺村党支部,1995-07-01,JUNIOR_SECONDARY,FULL,18000.00,false,NOT_IN_DIFFICULTY,,,
            620721194003050024,安秀兰,FEMALE,裕固族,,620721,红湾寺镇,隆畅村,隆畅村党支部,1966-03-01,NONE,NONE,0.00,true,IN_DIFFICULTY,OLD_AGE;ILLNESS,6222020200112233445,安秀兰
            """)))
    @APIResponse(responseCode = "200", description = "What was imported and, per rejected line, why",
            content = @Content(schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(
                    name = "mixed", value = """
                            {"dryRun":false,"received":3,"imported":2,"rejected":[{"line":4,"nationalId":"620702********0016",
                             "violations":[{"field":"nationalId","message":"has a wrong check digit"}]}]}""")))
    @APIResponse(ref = "Invalid", responseCode = "400")
    @RolesAllowed(Role.REGISTRAR)
    @APIResponse(responseCode = "413", description = "More rows than memberaid.import.max-rows (nothing imported), or "
            + "a body larger than quarkus.http.limits.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importCsv(InputStream csv,
            @Parameter(description = "true: validate and report only; nothing is registered") @QueryParam("dryRun") boolean dryRun)
            throws IOException {
        // The body is bounded by quarkus.http.limits.max-body-size; counting its rows first means a
        // file over the cap imports nothing rather than its first rows.
        byte[] body = csv.readAllBytes();
        long rows = CsvRows.count(body);
        long maxRows = config.maxRows();
        if (rows > maxRows) {
            throw new WebApplicationException(Problem.of(413, "import-too-large", "Too many rows",
                    "An import takes at most " + maxRows + " rows (memberaid.import.max-rows); this file has " + rows
                            + ". Split it; re-importing a file imports nothing twice.")
                    .with("limit", maxRows).toResponse());
        }
        return memberImport.importCsv(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
                dryRun, caller.region());
    }
}
