package org.memberaid.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.memberaid.database.TimeOrderedUuids;

/** One assessment of a member's hardship; the registry keeps them all. */
@Entity
@Table(name = "hardship_assessment")
public class HardshipAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public HardshipStatus status;

    @Convert(converter = HardshipCausesConverter.class)
    @Column(nullable = false, updatable = false)
    public Set<HardshipCause> causes = EnumSet.noneOf(HardshipCause.class);

    @Column(name = "assessed_on", nullable = false, updatable = false)
    public LocalDate assessedOn;

    @Column(updatable = false)
    public String note;

    @Column(name = "member_version", nullable = false, updatable = false)
    public long memberVersion;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    public static HardshipAssessment of(Member member, LocalDate assessedOn, String note, Instant now) {
        HardshipAssessment assessment = new HardshipAssessment();
        assessment.id = TimeOrderedUuids.next();
        assessment.memberId = member.id;
        assessment.status = member.hardshipStatus;
        assessment.causes = member.hardshipCauses.isEmpty()
                ? EnumSet.noneOf(HardshipCause.class) : EnumSet.copyOf(member.hardshipCauses);
        assessment.assessedOn = assessedOn;
        assessment.note = note;
        assessment.memberVersion = member.version;
        assessment.recordedAt = now;
        return assessment;
    }

    public static List<HardshipAssessment> historyOf(UUID memberId) {
        return list("memberId", Sort.by("recordedAt").and("id"), memberId);
    }

    /** The assessment {@code id} of the member {@code memberId}, if it is one of theirs. */
    public static Optional<HardshipAssessment> ofMember(UUID memberId, UUID id) {
        return HardshipAssessment.<HardshipAssessment>findByIdOptional(id).filter(a -> a.memberId.equals(memberId));
    }
}
