package fr.sudia.platform.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as it travels between services: attributes plus a JSON {@code data} document.
 *
 * @param id unique within {@code source}; consumers deduplicate on (source, id)
 * @param source the producing service, e.g. {@code urn:sud-ia:directory-service}
 * @param type reverse-DNS event type, e.g. {@code fr.sudia.directory.organization.registered}
 * @param subject the aggregate id, also the Kafka record key
 * @param time when the change happened (UTC)
 * @param data the JSON document
 */
public record CloudEvent(String id, URI source, String type, String subject, OffsetDateTime time, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
