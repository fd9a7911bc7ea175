package org.memberaid.members.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.HardshipCause;
import org.memberaid.members.domain.HardshipStatus;

@Schema(name = "HardshipAssessment")
public record AssessmentResponse(UUID id, UUID memberId, @Schema(implementation = HardshipStatus.class) String status,
        @Schema(type = SchemaType.ARRAY, implementation = HardshipCause.class) List<String> causes,
        LocalDate assessedOn, @Schema(nullable = true) String note,
        @Schema(description = "The member's version after this assessment") long memberVersion, Instant recordedAt) {

    static AssessmentResponse of(HardshipAssessment a) {
        return new AssessmentResponse(a.id, a.memberId, a.status.name(), a.causes.stream().map(Enum::name).toList(),
                a.assessedOn, a.note, a.memberVersion, a.recordedAt);
    }
}
