package fr.sudia.funding.scheme;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;

import fr.sudia.funding.time.DeskTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The deadlines of the published schemes as an iCalendar feed (RFC 5545), one all-day event per deadline. */
@ApplicationScoped
public class DeadlinesCalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    /** Past deadlines stay in the feed for a while, so that subscribers see what they just missed. */
    private static final int DAYS_KEPT = 90;

    private final DeskTime time;

    DeadlinesCalendar(DeskTime time) {
        this.time = time;
    }

    @Transactional
    public String render(List<Level> levels, List<SchemeKind> kinds, List<Pillar> pillars) {
        LocalDate from = time.today().minusDays(DAYS_KEPT);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Sud IA//Guichet IA//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        List<Scheme> schemes = Scheme.list("status = ?1 order by name, id", SchemeStatus.PUBLISHED);
        for (Scheme scheme : schemes) {
            if (!levels.isEmpty() && !levels.contains(scheme.level) || !kinds.isEmpty() && !kinds.contains(scheme.kind)
                    || !pillars.isEmpty() && pillars.stream().noneMatch(pillar -> scheme.pillars.contains(pillar.name()))) {
                continue;
            }
            for (LocalDate deadline : scheme.deadlines) {
                if (!deadline.isBefore(from)) {
                    calendar.add(event(scheme, deadline));
                }
            }
        }
        return calendar.toString();
    }

    private VEvent event(Scheme scheme, LocalDate deadline) {
        VEvent event = new VEvent(deadline, "Date limite : " + scheme.name);
        event.replace(new DtStamp(scheme.updatedAt.toInstant()));
        event.add(new Uid(scheme.id + "-" + deadline + "@guichet.sud-ia"));
        event.add(new Description(scheme.provider + " — " + scheme.name));
        if (scheme.applicationUrl != null) {
            try {
                event.add(new Url(new URI(scheme.applicationUrl)));
            } catch (URISyntaxException e) {
                // Checked as an http(s) URL on input; a link that still does not parse is left out of the feed.
            }
        }
        return event;
    }
}
