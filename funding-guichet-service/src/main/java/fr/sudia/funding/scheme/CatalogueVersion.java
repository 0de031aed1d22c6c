package fr.sudia.funding.scheme;

import fr.sudia.platform.freshness.NotifiedVersion;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The version of the public scheme catalogue: every change of a scheme bumps it, and the search cache follows it. */
@Singleton
public class CatalogueVersion extends NotifiedVersion {

    public static final String CHANNEL = "scheme_catalogue_changed";

    CatalogueVersion(EntityManager em, TransactionSynchronizationRegistry transactions) {
        super("scheme_catalogue_version", CHANNEL, em, transactions);
    }
}
