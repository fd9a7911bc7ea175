package org.memberaid.relief.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.problems.Violation;
import org.memberaid.relief.domain.AssistanceKind;
import org.memberaid.relief.domain.AssistanceRecord;
import org.memberaid.relief.domain.HelperType;
import org.memberaid.relief.domain.ProgrammeYears;

@Schema(name = "AssistanceRequest", description = "details: SKILLS_TRAINING needs skills; JOB_PLACEMENT employer; "
        + "PROJECT_RECOMMENDATION projectName; PAIRING helperId, helperName and helperType")
public record AssistanceBody(
        @Schema(required = true) UUID memberId,
        @Schema(required = true) AssistanceKind kind,
        @Schema(required = true, examples = "2015-08-12", description = "Not in the future, within the programme's years")
        LocalDate providedOn,
        @Schema(required = true) Details details) {

    @Schema(name = "AssistanceDetails")
    public record Details(
            @Schema(examples = "[\"温室种植\",\"农机维修\"]") List<String> skills,
            @Schema(maxLength = Texts.NAME, examples = "张掖市某农业公司") String employer,
            @Schema(maxLength = Texts.NAME, examples = "肉牛养殖") String projectName,
            @Schema(maxLength = Texts.PERSON, examples = "cadre-0412") String helperId,
            @Schema(maxLength = Texts.PERSON, examples = "李干部") String helperName,
            HelperType helperType,
            @Schema(maxLength = Texts.REASON) String note) {
    }

    /**
     * Checks the details the kind needs and returns the record {@code recorder} (the caller's token
     * subject) makes, to store (id, county and time unset).
     */
    AssistanceRecord validated(String recorder, LocalDate today, ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        if (memberId == null) {
            violations.add(new Violation("memberId", "is required"));
        }
        if (kind == null) {
            violations.add(new Violation("kind", "is required"));
        }
        if (providedOn == null) {
            violations.add(new Violation("providedOn", "is required"));
        } else if (providedOn.isAfter(today)) {
            violations.add(new Violation("providedOn", "is in the future: a record says what was provided"));
        } else if (!years.holds(providedOn)) {
            violations.add(new Violation("providedOn", years.refusal()));
        }
        Details d = details == null ? new Details(null, null, null, null, null, null, null) : details;
        AssistanceRecord record = new AssistanceRecord();
        record.skills = skills(d.skills(), kind == AssistanceKind.SKILLS_TRAINING, violations);
        record.employer = Texts.bounded(d.employer(), "details.employer", Texts.NAME, kind == AssistanceKind.JOB_PLACEMENT,
                violations);
        record.projectName = Texts.bounded(d.projectName(), "details.projectName", Texts.NAME,
                kind == AssistanceKind.PROJECT_RECOMMENDATION, violations);
        boolean pairing = kind == AssistanceKind.PAIRING;
        record.helperId = Texts.bounded(d.helperId(), "details.helperId", Texts.PERSON, pairing, violations);
        record.helperName = Texts.bounded(d.helperName(), "details.helperName", Texts.PERSON, pairing, violations);
        if (pairing && d.helperType() == null) {
            violations.add(new Violation("details.helperType", "is required for PAIRING (CADRE or BUSINESS_LEADER)"));
        }
        record.helperType = d.helperType();
        record.note = Texts.bounded(d.note(), "details.note", Texts.REASON, false, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        record.memberId = memberId;
        record.kind = kind;
        record.providedOn = providedOn;
        record.recordedBy = recorder;
        return record;
    }

    /** Training teaches one or two practical skills each time (the article's rule of thumb), at most five here. */
    private static String skills(List<String> skills, boolean required, List<Violation> violations) {
        List<String> named = skills == null ? List.of()
                : skills.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (named.isEmpty()) {
            if (required) {
                violations.add(new Violation("details.skills", "at least one skill is required for SKILLS_TRAINING"));
            }
            return null;
        }
        if (named.size() > 5 || named.stream().anyMatch(s -> s.length() > 50)) {
            violations.add(new Violation("details.skills", "at most 5 skills of at most 50 characters"));
        }
        return String.join(";", named);
    }
}
