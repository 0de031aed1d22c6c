package fr.sudia.impact.publication;

import fr.sudia.platform.freshness.NotifiedVersion;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The version of what the public reads show: bumped by every transaction that changes facts, organizations,
 * indicators or declared figures, and learnt by every instance through PostgreSQL notifications.
 */
@Singleton
public class ReadModelVersion extends NotifiedVersion {

    public static final String CHANNEL = "impact_read_model_changed";

    ReadModelVersion(EntityManager em, TransactionSynchronizationRegistry transactions) {
        super("read_model_version", CHANNEL, em, transactions);
    }
}
