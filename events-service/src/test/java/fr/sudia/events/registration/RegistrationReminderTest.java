package fr.sudia.events.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.events.support.TestClock;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The reminder the day before: each confirmed registrant once, however often the job runs; nobody cancelled. */
@QuarkusTest
class RegistrationReminderTest {

    private static final String REMINDER = "fr.sudia.events.registration.reminder";

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    RegistrationReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachConfirmedRegistrantIsRemindedOnceTheDayBefore() {
        UUID org = UUID.randomUUID();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String eventId = RegistrationFlowTest.workshop(org, start, 5, "\"maxSeatsPerBooking\":1");
        String occurrence = "/api/v1/events/" + eventId + "/occurrences/" + start;
        Response alice = RegistrationFlowTest.book(occurrence, RegistrationFlowTest.person("Alice Martin", "SENIOR", 1,
                "\"inseeCode\":\"06018\""));
        alice.then().statusCode(201).body("status", equalTo("CONFIRMED"));
        Response bruno = RegistrationFlowTest.book(occurrence, RegistrationFlowTest.person("Bruno Rossi", "JOB_SEEKER", 1,
                "\"postcode\":\"83000\""));
        given().delete(RegistrationFlowTest.path(bruno)).then().statusCode(200);

        reminders.remindDue();
        clock.advance(Duration.ofDays(2).plusHours(1));
        reminders.remindDue();
        reminders.remindDue();

        List<ConsumerRecord<String, String>> records = new KafkaTestClient(broker).readUntil(RegistrationDesk.NOTICES_TOPIC,
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> isReminder(r, eventId)));
        // Let a duplicate, if any, reach the topic too.
        records = new KafkaTestClient(broker).readUntil(RegistrationDesk.NOTICES_TOPIC, Duration.ofSeconds(3), rs -> false);
        List<ConsumerRecord<String, String>> sent = records.stream().filter(r -> isReminder(r, eventId)).toList();
        assertEquals(1, sent.size(), "one reminder, to the confirmed registrant only");
        EventContracts.assertValid(RegistrationDesk.NOTICES_TOPIC, sent.get(0).value());
        JsonPath data = JsonPath.from(sent.get(0).value());
        assertEquals("Alice Martin", data.getString("recipient.name"));
        assertEquals("CONFIRMED", data.getString("status"));
        assertEquals(start.toString(), data.getString("occurrence.startsAt"));
    }

    private static boolean isReminder(ConsumerRecord<String, String> record, String eventId) {
        var type = record.headers().lastHeader("ce_type");
        return record.value().contains(eventId) && type != null
                && REMINDER.equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
