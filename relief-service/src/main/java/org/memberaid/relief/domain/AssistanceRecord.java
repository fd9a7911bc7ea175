package org.memberaid.relief.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One act of assistance to a member; the details that matter depend on its kind. */
public class AssistanceRecord {

    public UUID id;

    public UUID memberId;

    public String countyCode;

    public AssistanceKind kind;

    public LocalDate providedOn;

    public String skills;

    public String employer;

    public String projectName;

    public String helperId;

    public String helperName;

    public HelperType helperType;

    public String note;

    public String recordedBy;

    public Instant createdAt;
}
