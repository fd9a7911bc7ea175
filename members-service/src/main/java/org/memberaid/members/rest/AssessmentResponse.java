package org.memberaid.members.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.memberaid.members.domain.HardshipAssessment;

@Schema(name = "HardshipAssessment")
public record AssessmentResponse(UUID id, UUID memberId, String status, List<String> causes, LocalDate assessedOn,
        String note, long memberVersion, Instant recordedAt) {

    static AssessmentResponse of(HardshipAssessment a) {
        return new AssessmentResponse(a.id, a.memberId, a.status.name(), a.causes.stream().map(Enum::name).toList(),
                a.assessedOn, a.note, a.memberVersion, a.recordedAt);
    }
}
