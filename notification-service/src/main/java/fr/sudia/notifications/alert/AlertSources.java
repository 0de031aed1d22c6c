package fr.sudia.notifications.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** What the alerts read of their topics' payloads (the producers' contracts), as their own types. */
final class AlertSources {

    private AlertSources() {
    }

    /** events.events.v1 (events-service's contract): a public event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PublishedEvent(@NotNull UUID id, @NotBlank String titleFr, String titleEn, @NotNull OffsetDateTime startsAt,
            @NotBlank String timeZone, Venue venue, @NotBlank String attendanceMode, @NotNull List<String> audiences,
            String url, @NotBlank String moderation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Venue(String name, String address, String city) {
    }

    /** funding.schemes.v1 (funding-guichet-service's contract): a scheme's dates. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemeState(@NotNull UUID id, @NotBlank String name, @NotBlank String provider, @NotNull List<LocalDate> deadlines,
            String applicationUrl, @NotBlank String status, boolean removed, @NotNull OffsetDateTime updatedAt) {
    }

    /** funding.scheme-matches.v1 (funding-guichet-service's contract): the organizations a new scheme may be for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemeMatched(@NotNull UUID schemeId, @NotBlank String name, @NotBlank String provider,
            @NotNull List<LocalDate> deadlines, String applicationUrl, @NotEmpty List<@Valid @NotNull Match> matches) {
    }

    /** funding.calls.v1 (funding-guichet-service's contract): a call opening to applications. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallOpened(@NotNull UUID callId, @NotBlank String callKind, @NotBlank String callTitle, String theme,
            @NotEmpty List<@NotBlank String> applicantTypes, @NotNull OffsetDateTime closesAt, @NotBlank String timeZone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Match(@NotNull UUID organizationId, @NotBlank String verdict) {
    }
}
