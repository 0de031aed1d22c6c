package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An application as the caller may see it: reviewers of an anonymised call do not see who applied
 * ({@code anonymised} true, applicant fields null); the result shows once the call's results are published.
 */
@Schema(name = "CallApplication")
public record ApplicationView(
        UUID id,
        UUID callId,
        ApplicationStatus status,
        ApplicantType applicantType,
        @Schema(nullable = true) UUID organizationId,
        @Schema(nullable = true, examples = "Lycée Les Eucalyptus") String applicantName,
        @Schema(nullable = true) List<TeamMember> team,
        boolean anonymised,
        @Schema(examples = "HarcèlementStop : détecter les signaux faibles") String title,
        @Schema(description = "Question id → answer", implementation = Object.class) JsonNode answers,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(nullable = true) OffsetDateTime submittedAt,
        @Schema(nullable = true, description = "The jury's result, once published") Result result,
        @Schema(nullable = true, description = "The deliberation (admins and advisors)") Decision decision,
        long version) {

    @Schema(name = "CallApplicationResult")
    public record Result(Outcome outcome, @Schema(nullable = true) String category, @Schema(nullable = true) Long amountEur,
            @Schema(nullable = true, description = "The jury's feedback to the applicant") String feedback) {
    }

    @Schema(name = "CallApplicationDecision")
    public record Decision(Outcome outcome, @Schema(nullable = true) String category, @Schema(nullable = true) Long amountEur,
            String reasons, @Schema(nullable = true) String feedback, String decidedBy, OffsetDateTime decidedAt) {
    }

    static ApplicationView of(CallApplication a, FundingCall call, boolean anonymised, boolean showDecision) {
        Result result = call.phase == CallPhase.RESULTS_PUBLISHED && a.outcome != null
                ? new Result(a.outcome, a.category, a.amountEur, a.feedback) : null;
        Decision decision = showDecision && a.outcome != null
                ? new Decision(a.outcome, a.category, a.amountEur, a.decisionReasons, a.feedback, a.decidedBy,
                        CallView.utc(a.decidedAt))
                : null;
        return new ApplicationView(a.id, a.callId, a.status, a.applicantType, anonymised ? null : a.organizationId,
                anonymised ? null : a.applicantName, anonymised ? null : CallJson.team(a), anonymised, a.title,
                CallJson.tree(a.answers), CallView.utc(a.createdAt), CallView.utc(a.updatedAt),
                CallView.utc(a.submittedAt), result, decision, a.version);
    }
}
