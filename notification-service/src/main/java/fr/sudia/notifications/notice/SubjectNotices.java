package fr.sudia.notifications.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.notifications.contact.Contact;
import fr.sudia.notifications.contact.Contacts;
import fr.sudia.notifications.email.Emails;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.PoisonEventException;
import fr.sudia.platform.text.ControlCharacters;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Notices addressed to a token subject (funding.notices.v1, label.notices.v1): the owning service decided who; this
 * resolves the subject in the contact book and queues the email in the person's language. A subject with no
 * confirmed address is recorded as undeliverable and counted, not an error.
 */
@ApplicationScoped
public class SubjectNotices {

    /** One topic's notices: its type prefix, the unsubscribe category, the templates and each kind's subject line. */
    public record Source(String topic, String typePrefix, String category, String template, Map<String, String[]> subjects) {
    }

    private static final Logger LOG = Logger.getLogger(SubjectNotices.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Contacts contacts;
    private final Emails emails;
    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ZoneId zone;

    SubjectNotices(ObjectMapper json, Contacts contacts, Emails emails, EntityManager entityManager, MeterRegistry meters,
            Clock clock, @ConfigProperty(name = "sudia.notifications.time-zone") String zone) {
        this.json = json;
        this.contacts = contacts;
        this.emails = emails;
        this.entityManager = entityManager;
        this.meters = meters;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public void handle(Source source, CloudEvent event) {
        if (!event.type().startsWith(source.typePrefix())
                || !source.subjects().containsKey(event.type().substring(source.typePrefix().length()))) {
            LOG.debugf("Ignoring event type %s", event.type());
            return;
        }
        String kind = event.type().substring(source.typePrefix().length());
        Map<String, Object> data;
        try {
            data = json.readValue(event.data(), MAP);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + " is not a JSON object", e);
        }
        if (!(data.get("recipient") instanceof String recipient) || recipient.isBlank()) {
            throw new PoisonEventException("event " + event.id() + " names no recipient subject");
        }
        String dedupKey = event.source() + "/" + event.id();
        Optional<Contact> contact = contacts.addressOf(recipient);
        if (contact.isEmpty()) {
            int recorded = entityManager.createNativeQuery("""
                    insert into undeliverable_notice (dedup_key, topic, kind, recorded_at) values (?1, ?2, ?3, ?4)
                    on conflict (dedup_key) do nothing""")
                    .setParameter(1, dedupKey).setParameter(2, source.topic()).setParameter(3, kind)
                    .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
            if (recorded == 1) {
                meters.counter("sudia.notifications.undeliverable", "topic", source.topic(), "kind", kind).increment();
            }
            return;
        }
        String language = contact.get().language;
        boolean english = "en".equals(language);
        Locale locale = english ? Locale.ENGLISH : Locale.FRENCH;
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) readable(data, locale);
        values.remove("recipient");
        values.put("what", kind);
        String[] subjects = source.subjects().get(kind);
        String subject = ControlCharacters.cleanLine(subjects[english ? 1 : 0]);
        emails.queue(new Emails.Message(dedupKey, source.category(), source.template(), contact.get().email, language,
                subject, values, null));
    }

    /** The notice's values as templates show them: text without control characters, instants and dates as local dates. */
    private Object readable(Object value, Locale locale) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), readable(item, locale)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(readable(item, locale)));
            return copy;
        }
        if (value instanceof String text) {
            if (text.length() >= 20 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-' && text.contains("T")) {
                try {
                    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                            .format(OffsetDateTime.parse(text).atZoneSameInstant(zone));
                } catch (DateTimeParseException e) {
                    return ControlCharacters.clean(text);
                }
            }
            if (text.length() == 10 && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    return text;
                }
            }
            return ControlCharacters.clean(text);
        }
        return value;
    }
}
