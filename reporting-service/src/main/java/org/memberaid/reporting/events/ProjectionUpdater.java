package org.memberaid.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.memberaid.events.CloudEvent;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.events.inbox.EventInbox;
import org.memberaid.reporting.domain.Assistance;
import org.memberaid.reporting.domain.DisbursementState;
import org.memberaid.reporting.domain.Figure;
import org.memberaid.reporting.domain.FundState;
import org.memberaid.reporting.domain.Ledger;
import org.memberaid.reporting.domain.MemberState;
import org.memberaid.reporting.domain.NewestVersions;
import org.memberaid.reporting.events.EventData.ContractViolation;

/**
 * Applies a batch of events from both topics to a projection, inside the inbox's transaction
 * (whose search path names the projection's schema): member snapshots, fund budgets,
 * disbursement transitions and assistance records, each newest-version-wins, and the figures
 * they move. An event whose data breaks its contract is dead-lettered and the rest applies.
 */
@ApplicationScoped
public class ProjectionUpdater {

    public static final String MEMBERS_TOPIC = "members.events";
    public static final String RELIEF_TOPIC = "relief.events";
    public static final List<String> TOPICS = List.of(MEMBERS_TOPIC, RELIEF_TOPIC);

    static final Set<String> MEMBER_TYPES = Set.of("memberaid.member.registered.v1", "memberaid.member.updated.v1",
            "memberaid.member.hardship-assessed.v1", "memberaid.member.transferred.v1",
            "memberaid.member.deregistered.v1");
    static final Set<String> FUND_TYPES = Set.of("memberaid.fund.allocated.v1", "memberaid.fund.budget-changed.v1");
    static final Set<String> DISBURSEMENT_TYPES = Set.of("memberaid.disbursement.requested.v1",
            "memberaid.disbursement.approved.v1", "memberaid.disbursement.rejected.v1",
            "memberaid.disbursement.reversed.v1");
    static final String ASSISTANCE_TYPE = "memberaid.assistance.recorded.v1";

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> REGISTRATION_STATUSES = Set.of("ACTIVE", "DECEASED", "TRANSFERRED_OUT");
    private static final Set<String> HARDSHIP_STATUSES = Set.of("NOT_IN_DIFFICULTY", "IN_DIFFICULTY", "LIFTED_OUT");
    private static final Set<String> FUND_KINDS = Set.of("SPECIAL_RELIEF", "STARTUP");
    private static final Set<String> DISBURSEMENT_KINDS =
            Set.of("HARDSHIP_RELIEF", "LIVING_SUBSIDY", "STARTUP_SUPPORT", "HOLIDAY_VISIT");
    private static final Set<String> DISBURSEMENT_STATUSES = Set.of("REQUESTED", "APPROVED", "REJECTED", "REVERSED");
    private static final Set<String> ASSISTANCE_KINDS = Set.of("SKILLS_TRAINING", "JOB_PLACEMENT",
            "MINIMUM_LIVING_ALLOWANCE", "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE", "PROJECT_RECOMMENDATION", "PAIRING");
    private static final Set<String> HELPER_TYPES = Set.of("CADRE", "BUSINESS_LEADER");

    @Inject
    ProjectionStore store;

    @Inject
    EventInbox inbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ProjectionChanges changes;

    public void apply(List<ConsumedEvent> events) {
        List<MemberState> members = new ArrayList<>();
        List<FundState> funds = new ArrayList<>();
        List<DisbursementState> disbursements = new ArrayList<>();
        List<Assistance> assistance = new ArrayList<>();
        for (ConsumedEvent consumed : events) {
            CloudEvent event = consumed.event();
            try {
                String type = event.type();
                EventData data = new EventData(event.data());
                if (MEMBER_TYPES.contains(type)) {
                    members.add(member(event, data));
                } else if (FUND_TYPES.contains(type)) {
                    funds.add(fund(event, data));
                } else if (DISBURSEMENT_TYPES.contains(type)) {
                    disbursements.add(disbursement(event, data));
                } else if (ASSISTANCE_TYPE.equals(type)) {
                    assistance.add(assistance(data));
                } else {
                    throw new ContractViolation("unknown event type " + type + " on " + consumed.topic());
                }
            } catch (ContractViolation e) {
                inbox.deadLetter(consumed, event.type() + " " + event.id() + ": " + e.getMessage());
            }
        }
        Ledger ledger = new Ledger();
        applyMembers(members, ledger);
        applyFunds(funds);
        applyDisbursements(disbursements, ledger);
        assistance.forEach(ledger::assistance);
        store.apply(ledger);
        Set<String> counties = ledger.counties();
        funds.forEach(fund -> counties.add(fund.countyCode()));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changes.committed(counties);
                }
            }
        });
    }

    private void applyMembers(List<MemberState> members, Ledger ledger) {
        if (members.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        members.forEach(state -> ids.add(state.memberId()));
        NewestVersions<UUID, MemberState> states = new NewestVersions<>(store.lockMembers(ids), MemberState::version);
        members.forEach(state -> states.apply(state.memberId(), state, ledger::member));
        store.saveMembers(states.changed());
    }

    private void applyFunds(List<FundState> funds) {
        if (funds.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        funds.forEach(fund -> ids.add(fund.id()));
        NewestVersions<UUID, FundState> states = new NewestVersions<>(store.lockFunds(ids), FundState::version);
        funds.forEach(fund -> states.apply(fund.id(), fund, (held, incoming) -> incoming));
        store.saveFunds(states.changed());
    }

    private void applyDisbursements(List<DisbursementState> disbursements, Ledger ledger) {
        if (disbursements.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        disbursements.forEach(d -> ids.add(d.id()));
        NewestVersions<UUID, DisbursementState> states =
                new NewestVersions<>(store.lockDisbursements(ids), DisbursementState::version);
        disbursements.forEach(d -> states.apply(d.id(), d, (held, incoming) -> {
            ledger.disbursement(held, incoming);
            return incoming;
        }));
        store.saveDisbursements(states.changed());
    }

    /**
     * The member as of the change, counting from the change's {@code effectiveOn} (the day it happened,
     * in the programme's zone, for an event without one), and never before the member's
     * {@code registeredOn} (carried by every member event since registrations may be dated in the past).
     */
    private static MemberState member(CloudEvent event, EventData data) {
        LocalDate effectiveOn = data.optionalDate("effectiveOn");
        LocalDate since = effectiveOn != null ? effectiveOn : businessDateOf(event);
        LocalDate registeredOn = data.optionalDate("registeredOn");
        if (registeredOn != null && registeredOn.isAfter(since)) {
            since = registeredOn;
        }
        return new MemberState(EventData.uuid("subject", event.subject()), data.text("countyCode"),
                data.oneOf("registrationStatus", REGISTRATION_STATUSES), data.oneOf("hardshipStatus", HARDSHIP_STATUSES),
                event.sequence(), since);
    }

    private static FundState fund(CloudEvent event, EventData data) {
        return new FundState(data.uuid("id"), data.text("countyCode"), data.integer("year"),
                data.oneOf("kind", FUND_KINDS), data.money("budget"), event.sequence());
    }

    private static DisbursementState disbursement(CloudEvent event, EventData data) {
        return new DisbursementState(data.uuid("id"), data.uuid("memberId"), data.text("countyCode"),
                Ledger.monthOf(data.date("disbursedOn")), data.oneOf("kind", DISBURSEMENT_KINDS), data.money("amount"),
                data.oneOf("status", DISBURSEMENT_STATUSES), event.sequence());
    }

    private static Assistance assistance(EventData data) {
        Figure kind = Figure.valueOf(data.oneOf("kind", ASSISTANCE_KINDS));
        String helperType = data.optionalText("helperType");
        if (helperType != null && !HELPER_TYPES.contains(helperType)) {
            helperType = data.oneOf("helperType", HELPER_TYPES);
        }
        if (kind == Figure.PAIRING && (helperType == null || data.optionalText("helperId") == null)) {
            throw new ContractViolation("a PAIRING needs data.helperId and data.helperType");
        }
        return new Assistance(data.uuid("id"), data.uuid("memberId"), data.text("countyCode"), kind,
                data.date("providedOn"), data.optionalText("employer"), data.optionalText("helperId"), helperType);
    }

    /** Events without a business date count on the day they happened, in the programme's time zone. */
    private static LocalDate businessDateOf(CloudEvent event) {
        try {
            return OffsetDateTime.parse(event.time()).atZoneSameInstant(BUSINESS_ZONE).toLocalDate();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ContractViolation("neither data.effectiveOn nor a valid time");
        }
    }
}
