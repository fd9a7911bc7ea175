package org.memberaid.relief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One act of assistance to a member; the details that matter depend on its kind. */
@Entity
@Table(name = "assistance_record")
public class AssistanceRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "county_code", nullable = false, updatable = false)
    public String countyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AssistanceKind kind;

    @Column(name = "provided_on", nullable = false, updatable = false)
    public LocalDate providedOn;

    @Column(updatable = false)
    public String skills;

    @Column(updatable = false)
    public String employer;

    @Column(name = "project_name", updatable = false)
    public String projectName;

    @Column(name = "helper_id", updatable = false)
    public String helperId;

    @Column(name = "helper_name", updatable = false)
    public String helperName;

    @Enumerated(EnumType.STRING)
    @Column(name = "helper_type", updatable = false)
    public HelperType helperType;

    @Column(updatable = false)
    public String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
