package fr.sudia.notifications.notice;

import java.util.Map;

import fr.sudia.platform.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** label.notices.v1: the steps of a label application, a label expiring, a new charter version to sign, told to the people label-service names. */
@ApplicationScoped
public class LabelNotices {

    public static final String NOTICES = "label.notices.v1";
    private static final SubjectNotices.Source SOURCE = new SubjectNotices.Source(NOTICES, "fr.sudia.label.notice.",
            "label.notices", "label-notice", Map.of(
                    "application-submitted", new String[] { "Votre demande de label est déposée",
                            "Your label application is submitted" },
                    "justification-requested", new String[] { "Le comité du label demande des justificatifs",
                            "The label committee asks for a justification" },
                    "application-decided", new String[] { "La décision du comité du label", "The label committee's decision" },
                    "label-expiring", new String[] { "Votre label arrive à échéance : la charte est à signer de nouveau",
                            "Your label is expiring: the charter is to be signed again" },
                    "charter-to-resign", new String[] { "Nouvelle version de la charte éthique : à signer de nouveau",
                            "A new version of the ethical charter: to be signed again" }));

    private final SubjectNotices notices;

    LabelNotices(SubjectNotices notices) {
        this.notices = notices;
    }

    public void handle(CloudEvent event) {
        notices.handle(SOURCE, event);
    }
}
