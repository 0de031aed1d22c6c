import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what notification-service consumes, as events-service publishes it (CloudEvents binary mode, payloads of the
 * topics' contracts). Run by bench/fanout: java -cp <kafka classpath> Produce.java <bootstrap> cancel|notices <count>
 * - cancel 1: one fr.sudia.events.event.cancelled on events.events.v1 (fanned out to every subscription to the type);
 * - notices N: N fr.sudia.events.registration.confirmed on events.registration-notices.v1, each to its own recipient
 *   (bench-<i>@example.org), so N emails with their iCalendar invitation.
 */
public class Produce {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String what = args[1];
        int count = Integer.parseInt(args[2]);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        String run = Long.toString(System.currentTimeMillis());
        Instant starts = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID eventId = UUID.nameUUIDFromBytes(("bench-event-" + run).getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            if (what.equals("cancel")) {
                String data = ("{\"id\":\"%s\",\"titleFr\":\"Atelier « Découvrir l'IA » (banc d'essai)\",\"titleEn\":null,"
                        + "\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"allDay\":false,\"timeZone\":\"Europe/Paris\",\"previousStart\":null,"
                        + "\"venue\":{\"name\":\"Maison de l'Intelligence Artificielle\",\"address\":null,\"city\":\"Biot\",\"latitude\":43.6,"
                        + "\"longitude\":7.08},\"onlineUrl\":null,\"attendanceMode\":\"OFFLINE\",\"audiences\":[\"SENIORS\"],"
                        + "\"tags\":[\"sensibilisation\"],\"organizerId\":null,\"seriesId\":null,\"edition\":null,\"url\":null,"
                        + "\"priceEur\":null,\"registrationUrl\":null,\"capacity\":60,\"status\":\"CANCELLED\",\"moderation\":\"PUBLISHED\","
                        + "\"recurrence\":null,\"sequence\":2,\"publishedAt\":\"%s\",\"updatedAt\":\"%s\"}")
                        .formatted(eventId, starts, starts.plus(2, ChronoUnit.HOURS), now, now);
                ProducerRecord<String, String> record = new ProducerRecord<>("events.events.v1", eventId.toString(), data);
                headers(record, "bench-cancel-" + run, "fr.sudia.events.event.cancelled", eventId.toString());
                producer.send(record);
            } else if (what.equals("notices")) {
                for (int i = 0; i < count; i++) {
                    UUID registration = new UUID(0xbe9c_0000_0000_4000L | (i >>> 16), 0x8000_0000_0000_0000L | i);
                    String data = ("{\"registrationId\":\"%s\",\"bookingCode\":\"%s\",\"status\":\"CONFIRMED\",\"seats\":1,"
                            + "\"waitlistPosition\":null,\"occurrence\":{\"eventId\":\"%s\",\"originalStart\":\"%s\",\"startsAt\":\"%s\","
                            + "\"endsAt\":\"%s\",\"timeZone\":\"Europe/Paris\",\"titleFr\":\"Atelier « Découvrir l'IA »\",\"titleEn\":null,"
                            + "\"venueName\":\"Maison de l'Intelligence Artificielle\",\"city\":\"Biot\"},"
                            + "\"recipient\":{\"name\":\"Personne %d\",\"email\":\"bench-%d@example.org\",\"language\":\"%s\"}}")
                            .formatted(registration, bookingCode(i), eventId, starts, starts, starts.plus(2, ChronoUnit.HOURS), i, i,
                                    i % 5 == 0 ? "en" : "fr");
                    ProducerRecord<String, String> record = new ProducerRecord<>("events.registration-notices.v1",
                            registration.toString(), data);
                    headers(record, "bench-notice-" + run + "-" + i, "fr.sudia.events.registration.confirmed", registration.toString());
                    producer.send(record);
                }
            } else {
                throw new IllegalArgumentException("cancel or notices, not " + what);
            }
            producer.flush();
        }
    }

    /** An 8-character booking code of the contract's alphabet (no 0, 1, I, O, U), distinct for each i. */
    private static String bookingCode(int i) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTVWXYZ";
        StringBuilder code = new StringBuilder();
        for (int n = i, k = 0; k < 8; k++, n /= alphabet.length()) {
            code.append(alphabet.charAt(n % alphabet.length()));
        }
        return code.toString();
    }

    private static void headers(ProducerRecord<String, String> record, String id, String type, String subject) {
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
        header(record, "ce_source", "urn:sud-ia:events-service");
        header(record, "ce_type", type);
        header(record, "ce_subject", subject);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
