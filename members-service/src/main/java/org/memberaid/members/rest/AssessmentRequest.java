package org.memberaid.members.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.HardshipCause;
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.members.domain.ProgrammeYears;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.members.domain.MemberRules;
import org.memberaid.problems.Violation;
import org.memberaid.members.service.MemberRegistry;

@Schema(name = "HardshipAssessmentRequest")
public record AssessmentRequest(
        @Schema(required = true) HardshipStatus status,
        @Schema(type = SchemaType.ARRAY, implementation = HardshipCause.class,
                description = "At least one for IN_DIFFICULTY, none otherwise", examples = "[\"ILLNESS\"]") List<String> causes,
        @Schema(required = true, examples = "2015-06-30",
                description = "Not in the future, within the programme's years, not before the member's registration")
        LocalDate assessedOn,
        @Schema(maxLength = 500, examples = "骨癌，丧失劳动能力") String note) {

    MemberRegistry.Assessment validated(LocalDate today, ProgrammeYears years) {
        List<Violation> violations = new ArrayList<>();
        if (status == null) {
            violations.add(new Violation("status", "is required"));
        }
        Set<HardshipCause> parsed = MemberRules.causes(causes, "causes", violations);
        if (status != null && violations.isEmpty()) {
            violations.addAll(MemberRules.assessmentViolations(status, parsed));
        }
        EffectiveDates.check("assessedOn", assessedOn, today, years, violations);
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.codePointCount(0, trimmed.length()) > 500) {
            violations.add(new Violation("note", "must be at most 500 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new MemberRegistry.Assessment(status, parsed, assessedOn, trimmed);
    }
}
