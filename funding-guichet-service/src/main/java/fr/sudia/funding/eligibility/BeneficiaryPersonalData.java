package fr.sudia.funding.eligibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Beneficiary details a member completed: the organization's, they stay; the member becomes the pseudonym. */
@ApplicationScoped
public class BeneficiaryPersonalData implements PersonalDataHandler {

    public record Completed(UUID organizationId, BeneficiaryType beneficiaryType, OffsetDateTime updatedAt) {
    }

    @Override
    public String dataset() {
        return "beneficiary-details";
    }

    @Override
    @Transactional
    public List<Completed> export(DataSubject person) {
        return !person.hasSubject() ? List.of()
                : BeneficiaryDetails.<BeneficiaryDetails>list("updatedBy = ?1 order by updatedAt", person.subject()).stream()
                        .map(d -> new Completed(d.organizationId, d.beneficiaryType, d.updatedAt)).toList();
    }

    @Override
    @Transactional
    public long erase(DataSubject person, String pseudonym) {
        return person.hasSubject()
                ? BeneficiaryDetails.update("updatedBy = ?1 where updatedBy = ?2", pseudonym, person.subject())
                : 0;
    }
}
