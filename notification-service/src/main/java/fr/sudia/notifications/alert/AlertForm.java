package fr.sudia.notifications.alert;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "AlertSubscriptionForm", description = "An alert to receive by email, once the address confirms it")
public record AlertForm(
        @NotBlank @Email @Size(max = 320) @Schema(example = "camille.martin@example.org") String email,
        @NotNull @Pattern(regexp = "fr|en") @Schema(enumeration = { "fr", "en" }, example = "fr", description = "fr: français / French; en: anglais / English") String language,
        @NotNull @Pattern(regexp = "EVENTS|DEADLINES|SCHEMES|CALLS")
        @Schema(enumeration = { "EVENTS", "DEADLINES", "SCHEMES", "CALLS" }, example = "EVENTS",
                description = "EVENTS: nouveaux événements / new events (departments, audiences); DEADLINES: date limite "
                        + "d'un dispositif suivi dans 7 jours / a deadline of the followed schemes within 7 days (schemeIds); "
                        + "SCHEMES: nouveaux dispositifs pour l'organisation / new schemes matching the organization "
                        + "(organizationId, members of that organization only); CALLS: nouveaux appels à projets et prix / "
                        + "new competitive calls and prizes (applicantTypes)") String kind,
        @NotNull @Pattern(regexp = "INSTANT|DAILY|WEEKLY")
        @Schema(enumeration = { "INSTANT", "DAILY", "WEEKLY" }, example = "DAILY",
                description = "INSTANT: à chaque nouveauté / at each new item; DAILY: résumé quotidien (18 h) / daily digest (6 pm); WEEKLY: résumé hebdomadaire (lundi) / weekly digest (Monday)") String frequency,
        @Size(max = 20) @Schema(description = "EVENTS: the departments (none: all)", example = "[\"06\", \"83\"]")
        List<@NotNull @Pattern(regexp = "\\d{2}|2A|2B|97\\d") String> departments,
        @Size(max = 6) @Schema(description = "EVENTS: the audiences (none: all)", example = "[\"PROFESSIONNELS\"]")
        List<@NotNull @Pattern(regexp = "GRAND_PUBLIC|SCOLAIRES|SENIORS|PROFESSIONNELS|CHERCHEURS|ETUDIANTS") String> audiences,
        @Size(max = 50) @Schema(description = "DEADLINES: the schemes followed", example = "[\"3b0d1c5e-8f61-4a43-9a55-0f1c2f7e6b11\"]")
        List<@NotNull UUID> schemeIds,
        @Size(max = 7) @Schema(description = "CALLS: who may apply (none: any call). COMPANY: entreprise / company; "
                + "LOCAL_AUTHORITY: collectivité / local authority; ASSOCIATION: association; TRAINING_BODY: organisme de "
                + "formation / training body; RESEARCH_LAB: laboratoire / research lab; SCHOOL: établissement scolaire / "
                + "school; INDIVIDUAL: personne (chercheur, étudiant) / individual (researcher, student)",
                example = "[\"COMPANY\", \"ASSOCIATION\"]")
        List<@NotNull @Pattern(regexp = "COMPANY|LOCAL_AUTHORITY|ASSOCIATION|TRAINING_BODY|RESEARCH_LAB|SCHOOL|INDIVIDUAL") String> applicantTypes,
        @Schema(description = "SCHEMES: the organization (the caller's token's org)", example = "5c2e7d41-9a0b-4f3c-8e6d-1b2a3c4d5e6f")
        UUID organizationId,
        @AssertTrue(message = "the consent text must be accepted") @Schema(description = "Accepts the consent text "
                + "(GET /api/v1/alerts/consent-text); recorded with its version when the address confirms", example = "true")
        boolean consent) {
}
