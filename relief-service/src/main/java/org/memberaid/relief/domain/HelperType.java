package org.memberaid.relief.domain;

/** Who is paired with a member: a cadre or a business leader (the article's 1,221 and 954). */
public enum HelperType {
    CADRE,
    BUSINESS_LEADER
}
