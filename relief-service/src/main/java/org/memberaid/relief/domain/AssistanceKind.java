package org.memberaid.relief.domain;

public enum AssistanceKind {
    SKILLS_TRAINING,
    JOB_PLACEMENT,
    MINIMUM_LIVING_ALLOWANCE,
    MEDICAL_ASSISTANCE,
    EDUCATION_ASSISTANCE,
    PROJECT_RECOMMENDATION,
    PAIRING
}
