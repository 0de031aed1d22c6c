package fr.sudia.notifications.privacy;

import java.util.List;

import fr.sudia.platform.privacy.DataSubject;
import fr.sudia.platform.privacy.PersonalDataHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** A data set of the tests only, which fails for the addresses of {@value #DOMAIN}, as a broken handler would. */
@ApplicationScoped
public class FailingData implements PersonalDataHandler {

    static final String DOMAIN = "@failing.example";

    @Override
    public String dataset() {
        return "failingForTests";
    }

    @Override
    public List<?> export(DataSubject person) {
        fail(person);
        return List.of();
    }

    @Override
    public long erase(DataSubject person, String pseudonym) {
        fail(person);
        return 0;
    }

    private static void fail(DataSubject person) {
        if (person.hasEmail() && person.email().endsWith(DOMAIN)) {
            throw new IllegalStateException("a handler that fails, for the tests");
        }
    }
}
