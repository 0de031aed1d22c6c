package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.time.DeskTime;

/** A call as the API shows it. Instants are UTC; {@code local} repeats the schedule in Europe/Paris. */
@Schema(name = "Call")
public record CallView(
        UUID id,
        CallKind kind,
        @Schema(examples = "Challenge IA 2026") String title,
        int editionYear,
        @Schema(nullable = true) String theme,
        List<String> categories,
        @Schema(nullable = true) String descriptionFr,
        CallPhase phase,
        @Schema(description = "Whether applications are accepted now (OPEN, between opening and deadline)") boolean acceptingApplications,
        @Schema(examples = "Europe/Paris") String timeZone,
        OffsetDateTime opensAt,
        @Schema(description = "Deadline, to the second") OffsetDateTime closesAt,
        @Schema(nullable = true) OffsetDateTime reviewFrom,
        @Schema(nullable = true) OffsetDateTime deliberationOn,
        @Schema(nullable = true) OffsetDateTime resultsOn,
        @Schema(description = "The schedule in Europe/Paris time") Schedule local,
        List<Question> form,
        List<Criterion> grid,
        List<String> applicantTypes,
        boolean teamsAllowed,
        int maxApplicationsPerApplicant,
        boolean anonymisedReview,
        @Schema(nullable = true) Long totalAmountEur,
        double disagreementThreshold,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    @Schema(name = "CallSchedule")
    public record Schedule(@Schema(examples = "2026-01-15T09:00:00+01:00") OffsetDateTime opensAt,
            @Schema(examples = "2026-03-31T12:00:00+02:00") OffsetDateTime closesAt,
            @Schema(nullable = true) OffsetDateTime reviewFrom, @Schema(nullable = true) OffsetDateTime deliberationOn,
            @Schema(nullable = true) OffsetDateTime resultsOn) {
    }

    public static CallView of(FundingCall c, OffsetDateTime now) {
        return new CallView(c.id, c.kind, c.title, c.editionYear, c.theme, List.copyOf(c.categories), c.descriptionFr,
                c.phase, CallDesk.accepting(c, now), DeskTime.REGION_ZONE.getId(), utc(c.opensAt), utc(c.closesAt),
                utc(c.reviewFrom), utc(c.deliberationOn), utc(c.resultsOn),
                new Schedule(local(c.opensAt), local(c.closesAt), local(c.reviewFrom), local(c.deliberationOn),
                        local(c.resultsOn)),
                CallJson.form(c), CallJson.grid(c), List.copyOf(c.applicantTypes), c.teamsAllowed,
                c.maxApplicationsPerApplicant, c.anonymisedReview, c.totalAmountEur, c.disagreementThreshold,
                utc(c.createdAt), utc(c.updatedAt), c.version);
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A local time to the second for messages, e.g. 2026-03-31T12:00:00+02:00. */
    static String localText(OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(local(t).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(DeskTime.REGION_ZONE).toOffsetDateTime();
    }
}
