package fr.sudia.funding.scheme;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Fired once per transaction that writes a scheme, whatever the path (API, seed, import): observers that keep a
 * copy of the catalogue listen to it after the commit ({@code @Observes(during = AFTER_SUCCESS)}).
 */
public enum SchemesChanged {
    INSTANCE;

    /** The entity listener of {@link Scheme} that fires the event. */
    public static class Listener {

        private static final String FIRED = SchemesChanged.class.getName();

        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object scheme) {
            TransactionSynchronizationRegistry transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
            if (transaction.getTransactionKey() != null && transaction.getResource(FIRED) == null) {
                transaction.putResource(FIRED, Boolean.TRUE);
                Arc.container().beanManager().getEvent().select(SchemesChanged.class).fire(INSTANCE);
            }
        }
    }
}
