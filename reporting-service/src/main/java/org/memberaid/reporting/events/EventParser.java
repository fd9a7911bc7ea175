package org.memberaid.reporting.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.memberaid.events.CloudEvent;

/**
 * Reads a consumed CloudEvent into the {@link ReportingEvent} of its type, checking every field
 * reporting needs against its copy of the contract: a value outside the statuses and kinds it
 * knows, a missing field or a malformed one is a {@link ContractViolation} naming the field.
 */
public final class EventParser {

    /** The programme's zone: an event without a business date counts on the day it happened there. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> REGISTRATION_STATUSES = Set.of("ACTIVE", "DECEASED", "TRANSFERRED_OUT");
    private static final Set<String> HARDSHIP_STATUSES = Set.of("NOT_IN_DIFFICULTY", "IN_DIFFICULTY", "LIFTED_OUT");
    private static final Set<String> FUND_KINDS = Set.of("SPECIAL_RELIEF", "STARTUP");
    private static final Set<String> DISBURSEMENT_KINDS =
            Set.of("HARDSHIP_RELIEF", "LIVING_SUBSIDY", "STARTUP_SUPPORT", "HOLIDAY_VISIT");
    private static final Set<String> DISBURSEMENT_STATUSES = Set.of("REQUESTED", "APPROVED", "REJECTED", "REVERSED",
            "PAID", "PAYMENT_FAILED");
    private static final Set<String> ASSISTANCE_KINDS = Set.of("SKILLS_TRAINING", "JOB_PLACEMENT",
            "MINIMUM_LIVING_ALLOWANCE", "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE", "PROJECT_RECOMMENDATION",
            "PAIRING");
    private static final Set<String> HELPER_TYPES = Set.of("CADRE", "BUSINESS_LEADER");

    private EventParser() {
    }

    /**
     * The event as reporting reads it. The envelope has been checked by the inbox (id, type,
     * subject, sequence and data are there); this checks the type and the data.
     */
    public static ReportingEvent parse(CloudEvent event) {
        EventType type = EventType.named(event.type())
                .orElseThrow(() -> new ContractViolation("unknown event type " + event.type()));
        EventData data = new EventData(event.data());
        return switch (type.shape()) {
            case MEMBER -> member(type, event, data);
            case FUND -> fund(type, event, data);
            case DISBURSEMENT -> disbursement(type, event, data);
            case ASSISTANCE -> assistance(data);
            case CYCLE, PAYMENT_BATCH -> new Noted(type, data.uuid("id"), data.text("countyCode"));
        };
    }

    private static MemberChanged member(EventType type, CloudEvent event, EventData data) {
        LocalDate effectiveOn = data.optionalDate("effectiveOn");
        return new MemberChanged(type, EventData.uuid("subject", event.subject()), data.text("countyCode"),
                data.oneOf("registrationStatus", REGISTRATION_STATUSES),
                data.oneOf("hardshipStatus", HARDSHIP_STATUSES),
                event.sequence(), effectiveOn != null ? effectiveOn : businessDateOf(event),
                data.optionalDate("registeredOn"));
    }

    private static FundChanged fund(EventType type, CloudEvent event, EventData data) {
        return new FundChanged(type, data.uuid("id"), data.text("countyCode"), data.integer("year"),
                data.oneOf("kind", FUND_KINDS), data.money("budget"), event.sequence());
    }

    private static DisbursementChanged disbursement(EventType type, CloudEvent event, EventData data) {
        return new DisbursementChanged(type, data.uuid("id"), data.uuid("memberId"), data.text("countyCode"),
                data.date("disbursedOn"), data.oneOf("kind", DISBURSEMENT_KINDS), data.money("amount"),
                data.oneOf("status", DISBURSEMENT_STATUSES), event.sequence());
    }

    private static AssistanceRecorded assistance(EventData data) {
        String kind = data.oneOf("kind", ASSISTANCE_KINDS);
        String helperType = data.optionalText("helperType");
        if (helperType != null) {
            helperType = data.oneOf("helperType", HELPER_TYPES);
        }
        String helperId = data.optionalText("helperId");
        if ("PAIRING".equals(kind) && (helperType == null || helperId == null)) {
            throw new ContractViolation("a PAIRING needs data.helperId and data.helperType");
        }
        return new AssistanceRecorded(data.uuid("id"), data.uuid("memberId"), data.text("countyCode"), kind,
                data.date("providedOn"), data.optionalText("employer"), helperId, helperType);
    }

    /** The day the event happened, in the programme's zone. */
    private static LocalDate businessDateOf(CloudEvent event) {
        try {
            return OffsetDateTime.parse(event.time()).atZoneSameInstant(BUSINESS_ZONE).toLocalDate();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ContractViolation("neither data.effectiveOn nor a valid time");
        }
    }
}
