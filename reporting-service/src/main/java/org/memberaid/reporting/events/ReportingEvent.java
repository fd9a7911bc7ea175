package org.memberaid.reporting.events;

/**
 * An event as reporting reads it: its type and the fields of its data the reports need, checked
 * against reporting's copy of the contract once, by {@link EventParser}, before anything applies it.
 */
public sealed interface ReportingEvent permits MemberChanged, FundChanged, DisbursementChanged, AssistanceRecorded,
        Noted {

    EventType type();
}
