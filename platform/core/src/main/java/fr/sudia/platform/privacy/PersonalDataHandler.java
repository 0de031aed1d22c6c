package fr.sudia.platform.privacy;

import java.util.List;

/**
 * One set of personal data a service holds (registrations, charter signatures, an audit trail...), answering the
 * access (GDPR article 15) and erasure (article 17) requests that reach the service on {@code privacy.requests.v1}.
 * Implementations are CDI beans of the service, called by {@link PrivacyRequestConsumer}; all of a service's handlers
 * run in one transaction with the service's reply in the outbox, so a failure leaves nothing half done (the service
 * then answers FAILED, and is asked again).
 */
public interface PersonalDataHandler {

    /** The data set's name, a key of the access export, e.g. {@code registrations}. */
    String dataset();

    /** Everything this data set holds about the person, as JSON-ready values (records, maps); empty when nothing. */
    List<?> export(DataSubject person);

    /**
     * Deletes the person's data, or pseudonymizes what must stay for legal or evidential reasons. Must be idempotent:
     * a replayed request changes nothing more.
     *
     * @param pseudonym what replaces the person's identifiers where a record must stay (the same for one person)
     * @return how many records were deleted or changed
     */
    long erase(DataSubject person, String pseudonym);
}
