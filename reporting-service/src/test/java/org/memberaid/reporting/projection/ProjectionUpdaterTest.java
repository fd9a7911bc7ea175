package org.memberaid.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberaid.events.CloudEvent;
import org.memberaid.events.inbox.ConsumedEvent;
import org.memberaid.reporting.domain.FundState;
import org.memberaid.reporting.domain.Ledger;
import org.memberaid.reporting.domain.MemberState;

/**
 * Reports learn of a transaction's changes once it commits, whatever the transaction applied:
 * pure logic, with a store that writes nothing and a registry that stands for one transaction.
 */
class ProjectionUpdaterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OneTransaction transaction = new OneTransaction();
    private final ProjectionChanges changes = new ProjectionChanges();
    private final ProjectionUpdater updater = new ProjectionUpdater();

    ProjectionUpdaterTest() {
        updater.store = new NothingStored();
        updater.transactions = transaction;
        updater.changes = changes;
    }

    @Test
    void tellsTheCountiesOfEveryBatchOfATransactionOnceWhenItCommits() throws Exception {
        updater.apply(List.of(fund("620702")));
        updater.apply(List.of(member("620722")));

        assertThat(transaction.synchronizations).as("one synchronization for the transaction").hasSize(1);
        assertThat(changes.version()).as("nothing before the commit").isZero();

        transaction.complete(Status.STATUS_COMMITTED);

        assertThat(changes.version()).as("one change per commit").isEqualTo(1);
        assertThat(changes.countiesChangedSince(0)).containsExactlyInAnyOrder("620702", "620722");
    }

    @Test
    void tellsNothingOfATransactionRolledBack() throws Exception {
        updater.apply(List.of(fund("620702")));

        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertThat(changes.version()).isZero();
        assertThat(changes.countiesChangedSince(0)).isEmpty();
    }

    private static ConsumedEvent fund(String county) throws Exception {
        return consumed("relief.events", "memberaid.fund.allocated.v1", UUID.randomUUID(), """
                {"id":"%s","countyCode":"%s","year":2015,"kind":"SPECIAL_RELIEF","budget":1000.0}"""
                .formatted(UUID.randomUUID(), county));
    }

    private static ConsumedEvent member(String county) throws Exception {
        return consumed("members.events", "memberaid.member.registered.v1", UUID.randomUUID(), """
                {"countyCode":"%s","registrationStatus":"ACTIVE","hardshipStatus":"IN_DIFFICULTY",
                 "effectiveOn":"2015-05-05","registeredOn":"2015-05-05"}""".formatted(county));
    }

    private static ConsumedEvent consumed(String topic, String type, UUID subject, String data) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), "/test", type,
                subject.toString(), null, CloudEvent.JSON, 1L, null, JSON.readTree(data));
        return new ConsumedEvent(topic, 0, 0, subject.toString(), data, event);
    }

    /** A store holding no rows and keeping nothing. */
    private static final class NothingStored extends ProjectionStore {
        @Override
        public Map<UUID, MemberState> lockMembers(Collection<UUID> ids) {
            return Map.of();
        }

        @Override
        public Map<UUID, FundState> lockFunds(Collection<UUID> ids) {
            return Map.of();
        }

        @Override
        public void saveMembers(Collection<MemberState> states) {
        }

        @Override
        public void saveFunds(Collection<FundState> states) {
        }

        @Override
        public void apply(Ledger ledger) {
        }
    }

    /** The registry as one active transaction sees it; {@link #complete} ends it. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        final List<Synchronization> synchronizations = new ArrayList<>();
        private final Map<Object, Object> resources = new HashMap<>();

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
