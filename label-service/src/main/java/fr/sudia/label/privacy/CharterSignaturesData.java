package fr.sudia.label.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.label.charter.CharterSignature;
import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Charter signatures the person made for an organization. They stay as evidence of the organization's commitment:
 * erasure replaces the signer's name and token subject by the pseudonym and clears the role, keeping the hash of
 * the name (the database trigger allows nothing else).
 */
@ApplicationScoped
public class CharterSignaturesData implements PersonalDataHandler {

    private final EntityManager entityManager;

    CharterSignaturesData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String dataset() {
        return "charter-signatures";
    }

    @Override
    public List<Signed> export(DataSubject person) {
        if (!person.hasSubject()) {
            return LabelPersonalData.none();
        }
        return CharterSignature.<CharterSignature>list("signedBy = ?1 order by signedAt", person.subject()).stream()
                .map(s -> new Signed(s.id, s.organizationId, s.charterVersion, s.signerName, s.signerRole, s.signedAt))
                .toList();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        return LabelPersonalData.update(entityManager, """
                update charter_signature set signer_name = ?2, signer_role = null, signed_by = ?2
                 where signed_by = ?1""", person, pseudonym);
    }

    public record Signed(UUID signatureId, UUID organizationId, int charterVersion, String signerName,
            String signerRole, OffsetDateTime signedAt) {
    }
}
