package fr.sudia.funding.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.Events;
import fr.sudia.funding.Jwt;
import fr.sudia.funding.TestClock;
import fr.sudia.funding.notice.FundingNotices;
import fr.sudia.funding.request.Desk.Advisor;
import fr.sudia.funding.request.Desk.Member;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * funding.notices.v1: the day-9 reminder goes to each advisor the request still waits on (once, however often the
 * job runs), and every status change to the member who submitted it; by token subject, valid against the contract.
 */
@QuarkusTest
class RequestNoticesTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    RequestDeadlines deadlines;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theReminderGoesToTheWaitingAdvisorsAndStatusChangesToTheMember() {
        Advisor waiting = Advisor.create();
        Advisor answering = Advisor.create();
        Desk.rule(waiting, "Bpifrance", List.of("FINANCIAL"), "04", Map.of());
        Desk.rule(answering, "CCI", List.of("HR"), "04", Map.of());
        Member member = Member.create();
        String memberSubject = Jwt.subject(member.token());
        String id = Desk.submitted(member, Desk.request(List.of("FINANCIAL", "HR"), "04"));
        Desk.answer(answering, id, "decline", "{\"reason\":\"Hors de notre périmètre\"}").statusCode(200);

        clock.advance(Duration.ofDays(9).plusHours(1));
        deadlines.run();
        deadlines.run();

        List<ConsumerRecord<String, String>> reminders = Events.about(broker, FundingNotices.TOPIC, waiting.subject(), 1);
        assertEquals(List.of(FundingNotices.REQUEST_REMINDER), Events.types(reminders));
        ConsumerRecord<String, String> reminder = reminders.get(0);
        EventContracts.assertValid(FundingNotices.TOPIC, reminder.value());
        EventContracts.assertCarriesExactly(FundingNotices.TOPIC, reminder.value());
        assertEquals(id, JsonPath.from(reminder.value()).getString("request.id"));
        assertEquals("WAITING", JsonPath.from(reminder.value()).getString("request.status"));

        Desk.answer(waiting, id, "take-in-charge", null).statusCode(200);
        List<ConsumerRecord<String, String>> changes = Events.about(broker, FundingNotices.TOPIC, memberSubject, 1);
        assertEquals(List.of(FundingNotices.REQUEST_STATUS_CHANGED), Events.types(changes));
        EventContracts.assertValid(FundingNotices.TOPIC, changes.get(0).value());
        assertEquals("IN_PROGRESS", JsonPath.from(changes.get(0).value()).getString("request.status"));
        assertEquals(memberSubject, JsonPath.from(changes.get(0).value()).getString("recipient"));
        // The advisor who declined is not reminded.
        assertEquals(0, new fr.sudia.platform.testing.KafkaTestClient(broker).readUntil(FundingNotices.TOPIC,
                Duration.ofSeconds(2), read -> false).stream().filter(r -> answering.subject().equals(r.key())).count());
    }
}
