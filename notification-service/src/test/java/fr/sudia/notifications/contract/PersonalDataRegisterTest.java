package fr.sudia.notifications.contract;

import org.junit.jupiter.api.Test;

import fr.sudia.platform.testing.PersonalDataRegister;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Every field this service stores is classified in the register of processing (docs/personal-data.md). */
@QuarkusTest
class PersonalDataRegisterTest {

    @Inject
    EntityManager entityManager;

    @Test
    void everyStoredFieldIsInTheRegister() {
        PersonalDataRegister.assertEveryFieldClassified("notification-service", entityManager.getMetamodel());
    }
}
