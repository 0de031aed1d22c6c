package fr.sudia.platform.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of a {@code fr.sudia.privacy.requested} event on {@code privacy.requests.v1} (key: the request id): the
 * privacy desk asks every service for what it holds about a person (ACCESS) or to erase it (ERASURE). The same
 * request is published again, with a new event id, until every service has answered.
 */
public record PrivacyRequested(UUID requestId, Kind kind, String email, String subject, Instant requestedAt) {

    // The topic, privacy.requests.v1, is the desk's (notification-service publishes it; every service's consumer
    // reads it through the channel PrivacyRequestConsumer.CHANNEL): no constant here, which would make every
    // service a producer of it for the deploy checks that read TOPIC constants.
    public static final String TYPE = "fr.sudia.privacy.requested";

    /** What is asked: a copy of the data (GDPR article 15) or its erasure (article 17). */
    public enum Kind {
        ACCESS, ERASURE
    }

    /** The person the request is about. */
    public DataSubject person() {
        return new DataSubject(email, subject);
    }
}
