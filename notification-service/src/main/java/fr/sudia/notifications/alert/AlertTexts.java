package fr.sudia.notifications.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The words of alert emails in the recipient's language: what an alert is about, and each item's line. */
final class AlertTexts {

    static final ZoneId REGION_ZONE = ZoneId.of("Europe/Paris");

    private AlertTexts() {
    }

    static String describe(AlertSubscription s) {
        boolean en = "en".equals(s.language);
        String frequency = switch (s.frequency) {
            case AlertKind.DAILY -> en ? "a daily digest" : "un récapitulatif quotidien";
            case AlertKind.WEEKLY -> en ? "a weekly digest" : "un récapitulatif hebdomadaire";
            default -> en ? "at once" : "dès qu'il y a du nouveau";
        };
        String what = switch (s.kind) {
            case AlertKind.EVENTS -> (en ? "new events" : "les nouveaux événements")
                    + (s.departments.isEmpty() ? "" : (en ? " in department(s) " : " dans le(s) département(s) ") + String.join(", ", s.departments))
                    + (s.audiences.isEmpty() ? "" : (en ? " for " : " pour ") + String.join(", ", s.audiences));
            case AlertKind.DEADLINES -> (en ? "the deadlines, 7 days ahead, of " : "les dates limites, 7 jours avant, de ")
                    + s.schemeIds.size() + (en ? " followed scheme(s)" : " dispositif(s) suivi(s)");
            case AlertKind.CALLS -> (en ? "new competitive calls and prizes" : "les nouveaux appels à projets et prix")
                    + (s.applicantTypes == null || s.applicantTypes.isEmpty() ? ""
                            : (en ? " open to " : " ouverts aux candidats ") + String.join(", ", s.applicantTypes));
            default -> en ? "new funding schemes matching your organization's profile"
                    : "les nouveaux dispositifs de financement correspondant au profil de votre organisation";
        };
        return what + " (" + frequency + ")";
    }

    static AlertLine line(AlertItem item, boolean en) {
        String title = en && item.titleEn != null ? item.titleEn : item.titleFr;
        String when = null;
        if (item.startsAt != null) {
            ZoneId zone = zone(item.timeZone);
            when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale(en))
                    .withZone(zone).format(item.startsAt);
        } else if (item.deadline != null) {
            when = (en ? "Deadline: " : "Date limite : ") + date(item.deadline, en);
        }
        String note = null;
        if ("ELIGIBLE".equals(item.verdict)) {
            note = en ? "Your organization is eligible by the desk's matching." : "Votre organisation est éligible selon le guichet.";
        } else if ("POSSIBLY_ELIGIBLE".equals(item.verdict)) {
            note = en ? "Your organization may be eligible: the desk lacks some facts to be sure."
                    : "Votre organisation est peut-être éligible : il manque au guichet des informations pour en être sûr.";
        }
        return new AlertLine(title, when, item.place, item.provider, note, safeLink(item.link));
    }

    static String date(LocalDate date, boolean en) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(en)).format(date);
    }

    static String dateTime(OffsetDateTime at, boolean en) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale(en))
                .withZone(REGION_ZONE).format(at);
    }

    /** Only http(s) links reach an email: a {@code javascript:} or other scheme typed by a publisher is dropped. */
    static String safeLink(String link) {
        if (link == null) {
            return null;
        }
        String lower = link.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && link.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                ? link.strip() : null;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? REGION_ZONE : ZoneId.of(id);
        } catch (RuntimeException e) {
            return REGION_ZONE;
        }
    }

    private static Locale locale(boolean en) {
        return en ? Locale.ENGLISH : Locale.FRENCH;
    }
}
