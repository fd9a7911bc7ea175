package org.memberaid.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.memberaid.access.Caller;
import org.memberaid.access.RegionScope;
import org.memberaid.access.Role;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Problem;
import org.memberaid.reporting.config.ReportingConfig;
import org.memberaid.reporting.domain.CountyFigures;
import org.memberaid.reporting.domain.ProgrammeYears;
import org.memberaid.reporting.domain.Region;
import org.memberaid.reporting.rest.ReportViews.CountyAnswer;
import org.memberaid.reporting.rest.ReportViews.CountyPage;
import org.memberaid.reporting.rest.ReportViews.MonthReport;
import org.memberaid.reporting.rest.ReportViews.MonthlyReport;
import org.memberaid.reporting.rest.ReportViews.RegionReport;
import org.memberaid.reporting.reports.BusinessCalendar;
import org.memberaid.reporting.reports.CountyRow;
import org.memberaid.reporting.reports.CountyRows;
import org.memberaid.reporting.reports.CountyTable;
import org.memberaid.reporting.reports.CountyTables;
import org.memberaid.reporting.reports.Fresh;
import org.memberaid.reporting.reports.Monthly;
import org.memberaid.reporting.reports.RegionRow;
import org.memberaid.reporting.reports.RollUps;

/**
 * The county, region and monthly reports, as JSON or as CSV ({@code Accept: text/csv} or
 * {@code ?format=csv}). Stock figures (members, in difficulty, poverty rate, lifted out) are
 * those at the end of {@code year} (this year: now); period figures are for {@code year}
 * (default: this year in Asia/Shanghai; one of the programme's years). Every answer carries
 * {@value #AS_OF} with the time of the newest event applied.
 * For analysts, admins and auditors; a county or region outside the caller's region does not exist
 * for them (404), and the county list holds only the counties inside it.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({ Role.ANALYST, Role.ADMIN, Role.AUDITOR })
public class ReportResource {

    static final String AS_OF = "Data-As-Of";
    static final String BOM = "bom";
    private static final String CONTENT_DISPOSITION = "Content-Disposition";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    private static final String COUNTIES_CSV = "county_code,name_zh,name_en,year,members_total,members_in_difficulty,"
            + "poverty_rate,...\r\n620702,甘州区,Ganzhou District,2026,1,1,1.0000,...\r\n";

    @Inject
    CountyTables tables;

    @Inject
    CountyRows countyRows;

    @Inject
    RollUps rollUps;

    @Inject
    CountyTableRenderings renderings;

    @Inject
    BusinessCalendar calendar;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    ReportingConfig config;

    @GET
    @Path("/counties")
    @Operation(operationId = "countyReports", summary = "Per-county figures, a page at a time",
            description = "One row per county inside the caller's region, by county code: every county of the "
                    + "reference data (zeros included) and any other code the events named (shown with its code and "
                    + "no name). As CSV, every row at once (page and size do not apply).")
    @Parameter(name = "format", in = ParameterIn.QUERY, ref = "Format")
    @Parameter(name = BOM, in = ParameterIn.QUERY, description = "CSV only: true adds a UTF-8 byte-order mark "
            + "(for Excel)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @APIResponse(responseCode = "200", description = "A page of counties, or all of them as CSV",
            headers = @Header(name = AS_OF, ref = AS_OF), content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountyPage.class)),
                @Content(mediaType = CsvReports.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                        example = COUNTIES_CSV) })
    public RestResponse<byte[]> counties(@Parameter(ref = "Year") @QueryParam("year") String year,
            @Parameter(description = "From 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "1–500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "100")) @QueryParam("size") String size) {
        int theYear = year(year);
        int thePage = number("page", page, 0, 0, Integer.MAX_VALUE);
        int theSize = number("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        RegionScope scope = caller.region();
        CountyTable table = tables.counties(theYear);
        Representation json = renderings.page(table, scope.prefix(), thePage, theSize,
                () -> Representation.of(toJson(page(table, table.rowsWithin(scope), thePage, theSize))));
        return fresh(table.asOf(), json);
    }

    private static CountyPage page(CountyTable table, List<CountyRow> rows, int page, int size) {
        List<CountyReport> items = new ArrayList<>();
        long from = (long) page * size;
        for (long i = from; i < Math.min(rows.size(), from + size); i++) {
            items.add(CountyReport.of(rows.get((int) i), table.year()));
        }
        return new CountyPage(table.asOf(), table.year(), page, size, rows.size(), items);
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON", e);
        }
    }

    @GET
    @Path("/counties")
    @Produces(CsvReports.PRODUCES)
    @Operation(hidden = true) // documented with the JSON operation of the same path, as its text/csv answer
    public RestResponse<byte[]> countiesCsv(@QueryParam("year") String year, @QueryParam(BOM) String bom) {
        boolean withBom = bom(bom);
        RegionScope scope = caller.region();
        CountyTable table = tables.counties(year(year));
        return csv(table.asOf(), "counties-" + table.year(), renderings.csv(table, scope.prefix(), withBom,
                () -> Representation.of(CsvReports.bytes(CsvReports.write(table.rowsWithin(scope).stream()
                        .map(row -> CountyReport.of(row, table.year())).toList()), withBom))));
    }

    @GET
    @Path("/counties/{code}")
    @Operation(operationId = "countyReport", summary = "One county's figures",
            description = "The county's stock of members at the year's end and its figures for the year, flat, as "
                    + "one row of the county report.")
    @Parameter(name = "format", in = ParameterIn.QUERY, ref = "Format")
    @Parameter(name = BOM, in = ParameterIn.QUERY, description = "CSV only: true adds a UTF-8 byte-order mark "
            + "(for Excel)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @APIResponse(responseCode = "200", description = "The county's figures, as JSON or as one CSV row",
            headers = @Header(name = AS_OF, ref = AS_OF), content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountyAnswer.class)),
                @Content(mediaType = CsvReports.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such county in the reference data or the events, "
            + "or outside the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<byte[]> county(@Parameter(example = "620702") @PathParam("code") String code,
            @Parameter(ref = "Year") @QueryParam("year") String year) {
        CountyAnswer answer = countyAnswer(code, year(year));
        return fresh(answer.asOf(), Representation.of(toJson(answer)));
    }

    private CountyAnswer countyAnswer(String code, int theYear) {
        // Outside the caller's region answers as if it did not exist, without asking the database.
        Fresh<CountyRow> row = Optional.of(code).filter(caller::covers)
                .flatMap(covered -> countyRows.county(covered, theYear))
                .orElseThrow(() -> new NotFoundException("No county " + code + " in the reference data or the events"));
        return new CountyAnswer(row.asOf(), CountyReport.of(row.value(), theYear));
    }

    @GET
    @Path("/counties/{code}")
    @Produces(CsvReports.PRODUCES)
    @Operation(hidden = true) // documented with the JSON operation of the same path, as its text/csv answer
    public RestResponse<byte[]> countyCsv(@PathParam("code") String code, @QueryParam("year") String year,
            @QueryParam(BOM) String bom) {
        boolean withBom = bom(bom);
        int theYear = year(year);
        CountyAnswer answer = countyAnswer(code, theYear);
        return csv(answer.asOf(), "county-" + code + "-" + theYear,
                Representation.of(CsvReports.bytes(CsvReports.write(List.of(answer.county())), withBom)));
    }

    @GET
    @Path("/regions/{code}")
    @Operation(operationId = "regionReport",
            summary = "A region's figures rolled up from its counties (city 620700, province 620000)",
            description = "Counts and money are summed, distinct counts (beneficiaries, beneficiaries paid, "
                    + "employers, paired members, helpers) recounted over the region, and ratios recomputed from the "
                    + "sums, never averaged.")
    @Parameter(name = "format", in = ParameterIn.QUERY, ref = "Format")
    @Parameter(name = BOM, in = ParameterIn.QUERY, description = "CSV only: true adds a UTF-8 byte-order mark "
            + "(for Excel)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @APIResponse(responseCode = "200", description = "The region's figures, as JSON or as one CSV row",
            headers = @Header(name = AS_OF, ref = AS_OF), content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionReport.class)),
                @Content(mediaType = CsvReports.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such region, or one the caller's region does not cover "
            + "(a county's analyst reads no city, a city's no province)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<byte[]> region(@Parameter(example = "620700") @PathParam("code") String code,
            @Parameter(ref = "Year") @QueryParam("year") String year) {
        RegionReport report = regionReport(code, year(year));
        return fresh(report.asOf(), Representation.of(toJson(report)));
    }

    private RegionReport regionReport(String code, int theYear) {
        Fresh<RegionRow> fresh = Optional.of(code).filter(caller::covers)
                .flatMap(covered -> rollUps.region(covered, theYear))
                .orElseThrow(() -> new NotFoundException("No region " + code));
        RegionRow row = fresh.value();
        Region region = row.region();
        CountyFigures stock = row.stock();
        return new RegionReport(fresh.asOf(), region.code(), region.nameZh(), region.nameEn(),
                region.level(), row.counties(), theYear, stock.membersTotal(), stock.membersInDifficulty(),
                stock.povertyRate(), stock.membersLiftedOut(), row.period());
    }

    @GET
    @Path("/regions/{code}")
    @Produces(CsvReports.PRODUCES)
    @Operation(hidden = true) // documented with the JSON operation of the same path, as its text/csv answer
    public RestResponse<byte[]> regionCsv(@PathParam("code") String code, @QueryParam("year") String year,
            @QueryParam(BOM) String bom) {
        boolean withBom = bom(bom);
        RegionReport report = regionReport(code, year(year));
        return csv(report.asOf(), "region-" + code + "-" + report.year(),
                Representation.of(CsvReports.bytes(CsvReports.write(List.of(report)), withBom)));
    }

    @GET
    @Path("/monthly")
    @Operation(operationId = "monthlyReport", summary = "The twelve months of a year for a region or county",
            description = "Month-end members, in difficulty and poverty rate from the dated history of every change, "
                    + "and each month's approvals, payments, disbursements, beneficiaries and assistance.")
    @Parameter(name = "format", in = ParameterIn.QUERY, ref = "Format")
    @Parameter(name = BOM, in = ParameterIn.QUERY, description = "CSV only: true adds a UTF-8 byte-order mark "
            + "(for Excel)", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    @APIResponse(responseCode = "200", description = "Twelve months, as JSON or as CSV (one row per month)",
            headers = @Header(name = AS_OF, ref = AS_OF), content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyReport.class)),
                @Content(mediaType = CsvReports.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such region or county, or one outside the caller's region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<byte[]> monthly(
            @Parameter(required = true, description = "A region or county code", example = "620700")
            @QueryParam("regionCode") String regionCode,
            @Parameter(ref = "Year") @QueryParam("year") String year) {
        MonthlyReport report = monthlyReport(regionCode, year);
        return fresh(report.asOf(), Representation.of(toJson(report)));
    }

    private MonthlyReport monthlyReport(String regionCode, String year) {
        if (regionCode == null || regionCode.isBlank()) {
            throw new InvalidInputException("regionCode", "is required (a region or county code, e.g. 620700)");
        }
        int theYear = year(year);
        String code = regionCode.strip();
        Fresh<Monthly> rows = Optional.of(code).filter(caller::covers)
                .flatMap(covered -> rollUps.monthly(covered, theYear))
                .orElseThrow(() -> new NotFoundException("No region " + code));
        Region region = rows.value().region();
        List<MonthReport> months = rows.value().months().stream().map(row -> new MonthReport(row.month(),
                LocalDate.of(theYear, row.month(), 1).plusMonths(1).minusDays(1), row.monthEnd().membersTotal(),
                row.monthEnd().membersInDifficulty(), row.monthEnd().povertyRate(), row.monthEnd().membersLiftedOut(),
                row.period())).toList();
        return new MonthlyReport(rows.asOf(), code, region == null ? null : region.nameZh(),
                region == null ? null : region.nameEn(), theYear, months);
    }

    @GET
    @Path("/monthly")
    @Produces(CsvReports.PRODUCES)
    @Operation(hidden = true) // documented with the JSON operation of the same path, as its text/csv answer
    public RestResponse<byte[]> monthlyCsv(@QueryParam("regionCode") String regionCode,
            @QueryParam("year") String year, @QueryParam(BOM) String bom) {
        boolean withBom = bom(bom);
        MonthlyReport report = monthlyReport(regionCode, year);
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("region_code", report.regionCode());
        region.put("year", Integer.toString(report.year()));
        return csv(report.asOf(), "monthly-" + report.regionCode() + "-" + report.year(),
                Representation.of(CsvReports.bytes(CsvReports.write(region, report.months()), withBom)));
    }

    /**
     * A report: its bytes, tagged with their digest, that the caller's cache may reuse for
     * {@code memberaid.reporting.http.max-age} and revalidate after; they vary with the format
     * asked and with the caller (their region).
     */
    private RestResponse<byte[]> fresh(Instant asOf, Representation body) {
        return report(asOf, body).build();
    }

    private RestResponse.ResponseBuilder<byte[]> report(Instant asOf, Representation body) {
        RestResponse.ResponseBuilder<byte[]> response = RestResponse.ResponseBuilder.ok(body.bytes()).tag(body.tag())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + config.http().maxAge().toSeconds())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION);
        if (asOf != null) {
            response.header(AS_OF, asOf.toString());
        }
        return response;
    }

    /**
     * A report as a CSV file to save, {@code name}.csv (a county code from the events is not
     * trusted to be safe in a header: anything but letters, digits and '-' becomes '_').
     */
    private RestResponse<byte[]> csv(Instant asOf, String name, Representation body) {
        return report(asOf, body).header(CONTENT_DISPOSITION,
                "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9-]", "_") + ".csv\"").build();
    }

    /**
     * {@code ?bom=true} starts a CSV answer with a UTF-8 byte-order mark: without it, Excel reads
     * the file in the system's legacy code page (GBK on Chinese Windows) and garbles the names.
     */
    private static boolean bom(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(BOM, "must be true or false");
    }

    /** The year asked for: this year by default, else one of the programme's years. */
    private int year(String value) {
        if (value == null || value.isBlank()) {
            return calendar.today().getYear();
        }
        ProgrammeYears years = calendar.programmeYears();
        try {
            int year = Integer.parseInt(value.strip());
            if (years.holds(year)) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("year", years.refusal());
    }

    private static int number(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max);
    }
}
