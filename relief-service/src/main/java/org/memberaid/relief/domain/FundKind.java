package org.memberaid.relief.domain;

/** SPECIAL_RELIEF pays relief, subsidies and visits; STARTUP pays startup support. */
public enum FundKind {
    SPECIAL_RELIEF,
    STARTUP
}
