package fr.sudia.directory.award;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationHistory;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.EventData;
import fr.sudia.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shows on the laureate organization's public profile the awards of the Région's competitive calls ("Lauréat
 * Challenge IA 2026"), from {@code funding.calls.v1}; each event once (inbox), in the transaction of the change.
 */
@ApplicationScoped
public class CallResultsConsumer {

    private static final Logger LOG = Logger.getLogger(CallResultsConsumer.class);
    static final String RESULT_PUBLISHED = "fr.sudia.funding.call.result-published";

    private final IdempotentConsumer idempotentConsumer;
    private final EventData eventData;
    private final ObjectMapper mapper;

    CallResultsConsumer(IdempotentConsumer idempotentConsumer, EventData eventData, ObjectMapper mapper) {
        this.idempotentConsumer = idempotentConsumer;
        this.eventData = eventData;
        this.mapper = mapper;
    }

    @Incoming("funding-calls")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotentConsumer.consume(record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!RESULT_PUBLISHED.equals(event.type())) {
            return;
        }
        CallResultPublished result = eventData.read(event, CallResultPublished.class);
        if (result.organizationId() == null || !"LAUREATE".equals(result.outcome())) {
            return;
        }
        OrganizationAward award = OrganizationAward.findById(result.applicationId());
        if (award != null && award.publishedAt.isAfter(result.publishedAt())) {
            return;
        }
        boolean created = award == null;
        if (created) {
            award = new OrganizationAward();
            award.applicationId = result.applicationId();
        }
        award.organizationId = result.organizationId();
        award.callId = result.callId();
        award.callKind = result.callKind();
        award.callTitle = result.callTitle();
        award.editionYear = result.editionYear();
        award.theme = result.theme();
        award.category = result.category();
        award.awardTitle = result.awardTitle();
        award.amountEur = result.amountEur();
        award.publishedAt = result.publishedAt();
        if (created) {
            award.persist();
        }

        Organization organization = Organization.findLive(result.organizationId()).orElse(null);
        if (organization == null) {
            LOG.infof("Award %s concerns organization %s, not in the directory: kept for it", result.applicationId(),
                    result.organizationId());
            return;
        }
        organization.awardsChangedAt = result.publishedAt();
        OrganizationHistory entry = new OrganizationHistory();
        entry.organizationId = organization.id;
        entry.at = result.publishedAt();
        entry.actor = event.source().toString();
        entry.action = "AWARD_RECEIVED";
        ObjectNode changes = mapper.createObjectNode();
        changes.putObject("award").put("title", result.awardTitle()).put("call", result.callTitle())
                .put("callId", result.callId().toString());
        entry.changes = changes.toString();
        entry.persist();
    }
}
