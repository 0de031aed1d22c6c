package fr.sudia.label.seed;

import java.time.Clock;

import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Labels the places the Plan names (Mesure 7) once the directory has announced them: label-service cannot know their
 * directory ids in advance, so the seed matches them by exact name. Without seed rows this does nothing.
 */
@ApplicationScoped
public class SeedHolders {

    static final String ACTOR = "system:seed";
    static final String REASON = "Seed: a place of AI awareness the Plan Sud IA names for the Sud IA network (Mesure 7).";

    private final LabelLifecycle labels;
    private final Clock clock;

    SeedHolders(LabelLifecycle labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void grantIfNamed(KnownOrganization organization, String actor) {
        SeedHolder holder = SeedHolder.findById(organization.name);
        if (holder == null || holder.labelNumber != null || organization.removedAt != null
                || Label.findCurrentOf(organization.id).isPresent()) {
            return;
        }
        CharterVersion.inForceAt(clock.instant()).ifPresent(charter -> holder.labelNumber = labels
                .grant(organization.id, null, holder.category, charter.version, ACTOR, REASON).number);
    }

    /** For holders the directory announced before the seed was loaded. */
    @Transactional
    public void grantPending() {
        SeedHolder.<SeedHolder>list("labelNumber is null").forEach(holder -> KnownOrganization
                .<KnownOrganization>find("name = ?1 and removedAt is null", holder.name).firstResultOptional()
                .ifPresent(organization -> grantIfNamed(organization, ACTOR)));
    }
}
