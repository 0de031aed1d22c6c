package fr.sudia.events.feed;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.jboss.logging.Logger;

import fr.sudia.events.event.Event;
import fr.sudia.platform.text.ControlCharacters;

/**
 * The Atom (RFC 4287) and RSS 2.0 feeds, written by Rome from the same entries: one per occurrence in the window.
 * RSS is there because many CMS plug-ins read nothing else.
 */
final class SyndicationFeed {

    enum Format {
        ATOM("atom_1.0", "Atom"), RSS("rss_2.0", "RSS");

        final String romeType;
        final String label;

        Format(String romeType, String label) {
            this.romeType = romeType;
            this.label = label;
        }
    }

    private static final Logger LOG = Logger.getLogger(SyndicationFeed.class);

    private SyndicationFeed() {
    }

    /** Every text goes through {@link Texts}: XML 1.0 cannot carry most control characters, even escaped. */
    private static SyndEntry entry(FeedItems.Item item, String publicUrl, boolean english) {
        Event e = item.event();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:sud-ia:event:" + item.id());
        entry.setTitle(Texts.title(e, english) + " — " + Texts.when(item.occurrence(), e, english)
                + (item.occurrence().cancelled() ? (english ? " (cancelled)" : " (annulé)") : ""));
        entry.setLink(Texts.link(e, publicUrl));
        entry.setUpdatedDate(Date.from(e.updatedAt));
        entry.setPublishedDate(Date.from(e.publishedAt != null ? e.publishedAt : e.createdAt));
        SyndContent content = new SyndContentImpl();
        content.setType("text/plain");
        content.setValue(Texts.summary(e, item.organizer(), english));
        entry.setDescription(content);
        List<SyndCategory> categories = new ArrayList<>();
        Texts.tags(e).forEach(tag -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(tag);
            categories.add(category);
        });
        entry.setCategories(categories);
        return entry;
    }

    static String render(Format format, FeedItems items, String publicUrl, String selfUrl, boolean english) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(english ? "Région Sud AI events" : "Événements IA de la Région Sud");
        feed.setDescription(english ? "The AI events of the Région Sud ecosystem (Provence-Alpes-Côte d'Azur)"
                : "Les événements de l'écosystème IA de la Région Sud (Provence-Alpes-Côte d'Azur)");
        feed.setUri("urn:sud-ia:events");
        feed.setLink(selfUrl);
        feed.setLanguage(english ? "en" : "fr");
        feed.setPublishedDate(Date.from(items.lastChange()));
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedItems.Item item : items.items()) {
            try {
                entries.add(entry(item, publicUrl, english));
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "Event %s left out of the %s feed: it cannot be written", item.event().id, format.label);
            }
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException(format.label + " feed could not be written", e);
        }
    }
}
