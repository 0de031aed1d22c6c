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
 * Writes N attendance records to events.attendance.v1 as events-service publishes them (CloudEvents binary mode,
 * payloads of the topic's contract), each a distinct occurrence spread over 2024-2028, the six departments and
 * their communes. Run by bench/replay: java -cp <kafka classpath> Produce.java <bootstrap> <count>
 */
public class Produce {

    private static final String[][] COMMUNES = { { "06088", "06" }, { "06029", "06" }, { "13055", "13" }, { "13001", "13" },
            { "83137", "83" }, { "84007", "84" }, { "05061", "05" }, { "04070", "04" } };
    private static final String[] LEVELS = { "ECOLE", "COLLEGE", "LYCEE" };

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int count = Integer.parseInt(args[1]);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant first = Instant.parse("2024-01-08T08:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                UUID event = new UUID(0x5ead_0000_0000_4000L | (i >>> 16), 0x8000_0000_0000_0000L | i);
                Instant start = first.plus(i % 1800, ChronoUnit.DAYS).plus(i % 9, ChronoUnit.HOURS);
                String[] commune = COMMUNES[i % COMMUNES.length];
                int present = 5 + i % 40;
                int pupils = i % 3 == 0 ? present : present / 2;
                String data = ("{\"eventId\":\"%s\",\"originalStart\":\"%s\",\"startsAt\":\"%s\",\"endsAt\":\"%s\","
                        + "\"timeZone\":\"Europe/Paris\",\"titleFr\":\"Atelier IA %d\",\"organizerId\":null,\"placeOrganizationId\":null,"
                        + "\"city\":\"Ville\",\"measures\":[8,10],\"tags\":[\"sensibilisation\"],\"revision\":1,\"capacity\":60,"
                        + "\"totals\":{\"bookings\":2,\"registered\":%d,\"present\":%d,\"noShows\":0,\"waitlisted\":0,\"girlsDeclared\":null},"
                        + "\"byAudience\":[{\"audience\":\"PUPIL\",\"registered\":%d,\"present\":%d},"
                        + "{\"audience\":\"SENIOR\",\"registered\":%d,\"present\":%d}],"
                        + "\"byLevel\":[{\"level\":\"%s\",\"groups\":1,\"registered\":%d,\"present\":%d,\"girlsDeclared\":null}],"
                        + "\"byCommune\":[{\"commune\":\"%s\",\"department\":\"%s\",\"registered\":%d,\"present\":%d}],"
                        + "\"recordedAt\":\"%s\"}").formatted(event, start, start, start.plus(2, ChronoUnit.HOURS), i, present, present,
                        pupils, pupils, present - pupils, present - pupils, LEVELS[i % 3], pupils, pupils, commune[0], commune[1],
                        present, present, start.plus(3, ChronoUnit.HOURS));
                ProducerRecord<String, String> record = new ProducerRecord<>("events.attendance.v1", event + "/" + start, data);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8)).toString());
                header(record, "ce_source", "urn:sud-ia:events-service");
                header(record, "ce_type", "fr.sudia.events.attendance.recorded");
                header(record, "ce_subject", event + "/" + start);
                header(record, "ce_time", start.plus(3, ChronoUnit.HOURS).toString());
                header(record, "content-type", "application/json");
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
