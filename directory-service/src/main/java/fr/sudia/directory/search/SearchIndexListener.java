package fr.sudia.directory.search;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Tells the search index, once per transaction, that organizations changed (it catches up after the commit). */
public class SearchIndexListener {

    private static final String NOTIFIED = SearchIndexListener.class.getName();

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object organization) {
        TransactionSynchronizationRegistry transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (transaction.getTransactionKey() != null && transaction.getResource(NOTIFIED) == null) {
            transaction.putResource(NOTIFIED, Boolean.TRUE);
            Arc.container().beanManager().getEvent().select(SearchIndex.OrganizationsChanged.class)
                    .fire(SearchIndex.OrganizationsChanged.INSTANCE);
        }
    }
}
