package fr.sudia.notifications.source;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.sudia.notifications.notice.FundingNotices;
import fr.sudia.notifications.notice.LabelNotices;
import fr.sudia.notifications.alert.AlertMatching;
import fr.sudia.notifications.webhook.WebhookFanOut;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumed topics: each event handled once (inbox), its emails or webhook deliveries queued in the same
 * transaction as its inbox row, so that a redelivered event never sends twice and a crash loses nothing.
 */
@ApplicationScoped
public class Consumers {

    public static final String EVENTS = "events.events.v1";
    public static final String LABELS = "label.labels.v1";
    public static final List<String> TOPICS = List.of(RegistrationNotices.NOTICES, EVENTS, LABELS, FundingNotices.NOTICES,
            LabelNotices.NOTICES, AlertMatching.SCHEMES, AlertMatching.SCHEME_MATCHES, AlertMatching.CALLS);

    private final IdempotentConsumer idempotentConsumer;
    private final RegistrationNotices registrationNotices;
    private final WebhookFanOut fanOut;
    private final FundingNotices fundingNotices;
    private final LabelNotices labelNotices;
    private final AlertMatching alerts;

    Consumers(IdempotentConsumer idempotentConsumer, RegistrationNotices registrationNotices, WebhookFanOut fanOut,
            FundingNotices fundingNotices, LabelNotices labelNotices, AlertMatching alerts) {
        this.idempotentConsumer = idempotentConsumer;
        this.registrationNotices = registrationNotices;
        this.fanOut = fanOut;
        this.fundingNotices = fundingNotices;
        this.labelNotices = labelNotices;
        this.alerts = alerts;
    }

    @Incoming("funding-notices")
    @Blocking
    public void fundingNotices(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, fundingNotices::handle);
    }

    @Incoming("label-notices")
    @Blocking
    public void labelNotices(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, labelNotices::handle);
    }

    @Incoming("registration-notices")
    @Blocking
    public void registrationNotices(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, registrationNotices::handle);
    }

    @Incoming("events-events")
    @Blocking
    public void events(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, event -> {
            fanOut.handle(event);
            alerts.event(event);
        });
    }

    @Incoming("funding-schemes")
    @Blocking
    public void schemes(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, event -> {
            fanOut.handle(event);
            alerts.scheme(event);
        });
    }

    @Incoming("funding-calls")
    @Blocking
    public void calls(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, event -> {
            fanOut.handle(event);
            alerts.call(event);
        });
    }

    @Incoming("funding-scheme-matches")
    @Blocking
    public void schemeMatches(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, alerts::schemeMatches);
    }

    @Incoming("label-labels")
    @Blocking
    public void labels(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, fanOut::handle);
    }
}
