package fr.sudia.platform.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data of a {@code fr.sudia.privacy.answered} event on {@code privacy.replies.v1} (key: the request id): one
 * service's answer to a {@link PrivacyRequested}. {@code export} holds, for an ACCESS request that succeeded, each
 * data set's records (an empty map when the service holds nothing); it is null otherwise.
 */
public record PrivacyAnswered(UUID requestId, String service, PrivacyRequested.Kind kind, Outcome outcome, long records,
        Map<String, List<?>> export, Instant answeredAt) {

    public static final String TOPIC = "privacy.replies.v1";
    public static final String TYPE = "fr.sudia.privacy.answered";

    /** DONE: the service exported or erased everything it holds; FAILED: it could not, and will be asked again. */
    public enum Outcome {
        DONE, FAILED
    }
}
