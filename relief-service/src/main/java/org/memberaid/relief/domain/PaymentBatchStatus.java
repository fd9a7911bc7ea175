package org.memberaid.relief.domain;

/**
 * A payment batch is DRAFT until its bank file is first downloaded (EXPORTED), then SENT to the
 * bank, then RECONCILED once every line has the bank's answer; a DRAFT or EXPORTED batch may be
 * CANCELLED instead.
 */
public enum PaymentBatchStatus {
    DRAFT,
    EXPORTED,
    SENT,
    RECONCILED,
    CANCELLED
}
