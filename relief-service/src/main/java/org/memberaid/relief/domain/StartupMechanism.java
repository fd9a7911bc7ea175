package org.memberaid.relief.domain;

/** The article's four ways of supporting a member who starts a business. */
public enum StartupMechanism {
    PROJECT_DIRECT_SUBSIDY,
    REWARD_IN_LIEU_OF_SUBSIDY,
    LOAN_INTEREST_SUBSIDY,
    GUARANTEE_MUTUAL_AID
}
