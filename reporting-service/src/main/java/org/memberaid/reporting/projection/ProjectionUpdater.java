package org.memberaid.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.memberaid.events.CloudEvent;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.events.inbox.EventInbox;
import org.memberaid.reporting.domain.Assistance;
import org.memberaid.reporting.domain.DisbursementState;
import org.memberaid.reporting.domain.FundState;
import org.memberaid.reporting.domain.Ledger;
import org.memberaid.reporting.domain.MemberState;
import org.memberaid.reporting.domain.NewestVersions;
import org.memberaid.reporting.events.AssistanceRecorded;
import org.memberaid.reporting.events.ContractViolation;
import org.memberaid.reporting.events.DisbursementChanged;
import org.memberaid.reporting.events.EventParser;
import org.memberaid.reporting.events.FundChanged;
import org.memberaid.reporting.events.MemberChanged;
import org.memberaid.reporting.events.ReportingEvent;

/**
 * Applies a batch of events from both topics to a projection, inside the inbox's transaction
 * (whose search path names the projection's schema): member snapshots, fund budgets,
 * disbursement transitions and assistance records, each newest-version-wins, and the figures
 * they move. An event whose data breaks its contract is dead-lettered and the rest applies.
 */
@ApplicationScoped
public class ProjectionUpdater {

    @Inject
    ProjectionStore store;

    @Inject
    EventInbox inbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ProjectionChanges changes;

    public void apply(List<ConsumedEvent> events) {
        Batch batch = new Batch();
        for (ConsumedEvent consumed : events) {
            CloudEvent event = consumed.event();
            try {
                batch.add(EventParser.parse(event));
            } catch (ContractViolation e) {
                inbox.deadLetter(consumed, event.type() + " " + event.id() + ": " + e.getMessage());
            }
        }
        Ledger ledger = new Ledger();
        applyMembers(batch.members, ledger);
        applyFunds(batch.funds);
        applyDisbursements(batch.disbursements, ledger);
        batch.assistance.forEach(ledger::assistance);
        store.apply(ledger);
        Set<String> counties = changedOnCommit();
        counties.addAll(ledger.counties());
        batch.funds.forEach(fund -> counties.add(fund.countyCode()));
    }

    /**
     * The counties the current transaction changes, told to {@link ProjectionChanges} once it
     * commits: one synchronization per transaction, however many batches it applies.
     */
    private Set<String> changedOnCommit() {
        CountiesOnCommit pending = (CountiesOnCommit) transactions.getResource(CountiesOnCommit.class);
        if (pending == null) {
            pending = new CountiesOnCommit(changes);
            transactions.putResource(CountiesOnCommit.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending.counties;
    }

    private static final class CountiesOnCommit implements Synchronization {
        private final ProjectionChanges changes;
        final Set<String> counties = new HashSet<>();

        CountiesOnCommit(ProjectionChanges changes) {
            this.changes = changes;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                changes.committed(counties);
            }
        }
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

    /** A batch's events sorted by what they change, as the states they bring. */
    private static final class Batch {
        final List<MemberState> members = new ArrayList<>();
        final List<FundState> funds = new ArrayList<>();
        final List<DisbursementState> disbursements = new ArrayList<>();
        final List<Assistance> assistance = new ArrayList<>();

        void add(ReportingEvent event) {
            if (event instanceof MemberChanged member) {
                members.add(member.state());
            } else if (event instanceof FundChanged fund) {
                funds.add(fund.state());
            } else if (event instanceof DisbursementChanged disbursement) {
                disbursements.add(disbursement.state());
            } else if (event instanceof AssistanceRecorded recorded) {
                assistance.add(recorded.assistance());
            }
        }
    }
}
