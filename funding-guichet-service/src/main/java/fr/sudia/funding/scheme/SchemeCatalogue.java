package fr.sudia.funding.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.funding.eligibility.EligibilityConditions;
import fr.sudia.funding.time.DeskTime;
import fr.sudia.platform.concurrency.Versions;
import fr.sudia.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Publishes, changes, closes and removes schemes; every change is announced on {@code funding.schemes.v1} as a
 * {@link SchemeChanged} (the event's own type, not the REST view).
 */
@ApplicationScoped
public class SchemeCatalogue {

    public static final String TOPIC = "funding.schemes.v1";
    public static final String PUBLISHED = "fr.sudia.funding.scheme.published";
    public static final String UPDATED = "fr.sudia.funding.scheme.updated";
    public static final String CLOSED = "fr.sudia.funding.scheme.closed";
    public static final String REMOVED = "fr.sudia.funding.scheme.removed";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final DeskTime time;
    private final CatalogueVersion version;
    private final SchemeMatches matches;

    SchemeCatalogue(Outbox outbox, ObjectMapper mapper, DeskTime time, CatalogueVersion version, SchemeMatches matches) {
        this.matches = matches;
        this.outbox = outbox;
        this.mapper = mapper;
        this.time = time;
        this.version = version;
    }

    @Transactional
    public Scheme publish(SchemeInput input, String by) {
        return publish(input, input.providerOrganizationId(), by);
    }

    @Transactional
    public Scheme publish(SchemeInput input, UUID providerOrganizationId, String by) {
        Scheme scheme = new Scheme();
        scheme.id = UUID.randomUUID();
        scheme.createdAt = time.now();
        scheme.createdBy = by;
        scheme.status = SchemeStatus.PUBLISHED;
        apply(scheme, input);
        scheme.providerOrganizationId = providerOrganizationId;
        scheme.persist();
        announce(PUBLISHED, scheme);
        matches.announce(scheme, conditionsOf(scheme));
        return scheme;
    }

    @Transactional
    public Scheme update(UUID id, long expectedVersion, SchemeInput input, SchemeStewards stewards, String by) {
        Scheme scheme = current(id, expectedVersion, stewards);
        UUID provider = stewards.providerFor(input);
        apply(scheme, input);
        scheme.providerOrganizationId = provider;
        scheme.updatedBy = by;
        scheme.flush();
        announce(UPDATED, scheme);
        return scheme;
    }

    /** Closes a scheme early: it stays readable but is no longer open, matched or routed to. */
    @Transactional
    public Scheme close(UUID id, long expectedVersion, SchemeStewards stewards, String by) {
        Scheme scheme = current(id, expectedVersion, stewards);
        if (scheme.status == SchemeStatus.CLOSED) {
            throw new ClientErrorException("Scheme " + id + " is already closed.", Status.CONFLICT);
        }
        scheme.status = SchemeStatus.CLOSED;
        scheme.updatedAt = time.now();
        scheme.updatedBy = by;
        scheme.flush();
        announce(CLOSED, scheme);
        return scheme;
    }

    @Transactional
    public void remove(UUID id, long expectedVersion) {
        Scheme scheme = current(id, expectedVersion, null);
        SchemeChanged last = SchemeChanged.of(scheme, conditionsOf(scheme), true);
        scheme.delete();
        outbox.publish(TOPIC, REMOVED, id.toString(), last);
        version.bump();
    }

    public static Scheme find(UUID id) {
        return Scheme.<Scheme>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    public SchemeView view(Scheme scheme) {
        return SchemeView.of(scheme, conditionsOf(scheme), time.today());
    }

    public EligibilityConditions conditionsOf(Scheme scheme) {
        try {
            return mapper.readValue(scheme.conditions, EligibilityConditions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scheme " + scheme.id + " holds conditions that no longer parse", e);
        }
    }

    /** The scheme at the version read, once the caller is known to be allowed to change it. */
    private Scheme current(UUID id, long expectedVersion, SchemeStewards stewards) {
        Scheme scheme = find(id);
        if (stewards != null) {
            stewards.requireMayChange(scheme);
        }
        Versions.requireCurrent("Scheme " + id, scheme.version, expectedVersion);
        return scheme;
    }

    private void apply(Scheme scheme, SchemeInput input) {
        scheme.name = input.name().strip();
        scheme.provider = input.provider().strip();
        scheme.level = input.level();
        scheme.kind = input.kind();
        scheme.pillars = new ArrayList<>(input.pillars().stream().map(Enum::name).sorted().toList());
        scheme.descriptionFr = input.descriptionFr();
        scheme.descriptionEn = input.descriptionEn();
        scheme.amountMinEur = input.amountMinEur();
        scheme.amountMaxEur = input.amountMaxEur();
        scheme.fundingRatePercent = input.fundingRatePercent();
        scheme.envelopeEur = input.envelopeEur();
        scheme.envelopePerYear = input.envelopePerYear();
        scheme.durationMonths = input.durationMonths();
        scheme.opensOn = input.opensOn();
        scheme.deadlines = new ArrayList<>(input.deadlines() == null ? List.of()
                : input.deadlines().stream().distinct().sorted().toList());
        scheme.ongoing = input.ongoing();
        scheme.applicationUrl = input.applicationUrl();
        scheme.contact = input.contact();
        scheme.conditions = toJson(input.conditions() == null ? EligibilityConditions.NONE : input.conditions());
        scheme.updatedAt = time.now();
    }

    private void announce(String type, Scheme scheme) {
        outbox.publish(TOPIC, type, scheme.id.toString(), SchemeChanged.of(scheme, conditionsOf(scheme), false));
        version.bump();
    }

    private String toJson(EligibilityConditions conditions) {
        try {
            return mapper.writeValueAsString(conditions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Scheme " + id + " does not exist.");
    }
}
