package fr.sudia.notifications.notice;

import java.util.Map;

import fr.sudia.platform.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** funding.notices.v1: what the funding desk decided an advisor, a member, a juror or an applicant must be told. */
@ApplicationScoped
public class FundingNotices {

    public static final String NOTICES = "funding.notices.v1";
    private static final SubjectNotices.Source SOURCE = new SubjectNotices.Source(NOTICES, "fr.sudia.funding.notice.",
            "funding.notices", "funding-notice", Map.of(
                    "request-reminder", new String[] { "Une demande d'aide attend votre réponse depuis 9 jours",
                            "A funding request has been waiting for your answer for 9 days" },
                    "request-status-changed", new String[] { "Votre demande d'aide a changé de statut",
                            "Your funding request has a new status" },
                    "jury-assigned", new String[] { "Vous êtes membre du jury d'un appel", "You sit on the jury of a call" },
                    "call-result", new String[] { "Le résultat de votre candidature", "The result of your application" }));

    private final SubjectNotices notices;

    FundingNotices(SubjectNotices notices) {
        this.notices = notices;
    }

    public void handle(CloudEvent event) {
        notices.handle(SOURCE, event);
    }
}
