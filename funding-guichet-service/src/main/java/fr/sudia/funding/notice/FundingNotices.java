package fr.sudia.funding.notice;

import java.util.UUID;

import fr.sudia.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes on {@code funding.notices.v1}, in the caller's transaction, who must be told what: the advisors a request
 * waits on (day-9 reminder), the member who submitted it (its status), a juror (assigned), each applicant (result).
 * One event per recipient, keyed by the recipient's subject; the topic keeps them 7 days.
 */
@ApplicationScoped
public class FundingNotices {

    public static final String TOPIC = "funding.notices.v1";
    public static final String REQUEST_REMINDER = "fr.sudia.funding.notice.request-reminder";
    public static final String REQUEST_STATUS_CHANGED = "fr.sudia.funding.notice.request-status-changed";
    public static final String JURY_ASSIGNED = "fr.sudia.funding.notice.jury-assigned";
    public static final String CALL_RESULT = "fr.sudia.funding.notice.call-result";

    private final Outbox outbox;

    FundingNotices(Outbox outbox) {
        this.outbox = outbox;
    }

    public void requestReminder(String advisor, FundingNotice.RequestRef request) {
        publish(REQUEST_REMINDER, new FundingNotice(advisor, request, null, null));
    }

    public void requestStatusChanged(String member, FundingNotice.RequestRef request) {
        publish(REQUEST_STATUS_CHANGED, new FundingNotice(member, request, null, null));
    }

    public void juryAssigned(String juror, UUID callId, String callTitle) {
        publish(JURY_ASSIGNED, new FundingNotice(juror, null, new FundingNotice.CallRef(callId, callTitle), null));
    }

    public void callResult(String applicant, UUID callId, String callTitle, FundingNotice.ApplicationRef application) {
        publish(CALL_RESULT, new FundingNotice(applicant, null, new FundingNotice.CallRef(callId, callTitle), application));
    }

    private void publish(String type, FundingNotice notice) {
        if (notice.recipient() != null && !notice.recipient().isBlank()) {
            outbox.publish(TOPIC, type, notice.recipient(), notice);
        }
    }
}
