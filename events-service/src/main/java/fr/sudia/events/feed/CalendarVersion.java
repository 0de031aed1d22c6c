package fr.sudia.events.feed;

import fr.sudia.platform.freshness.NotifiedVersion;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The version of everything the public lists and feeds show: bumped by every transaction that changes public
 * content, so that feeds and lists are served from memory and revalidations answered without the database.
 */
@Singleton
public class CalendarVersion extends NotifiedVersion {

    public static final String CHANNEL = "calendar_changed";

    CalendarVersion(EntityManager em, TransactionSynchronizationRegistry transactions) {
        super("calendar_version", CHANNEL, em, transactions);
    }
}
