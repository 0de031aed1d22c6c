package fr.sudia.notifications.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "PrivacyExport", description = "Everything the platform holds about a person (GDPR art. 15): every service's "
        + "data sets with their records, and a readable summary in French and English")
public record PrivacyExport(
        @Schema(example = "5b0e4c1e-8f0a-4c59-9d5e-2f1f3d7b6a10") UUID requestId,
        @Schema(nullable = true, example = "camille.martin@example.org") String email,
        @Schema(nullable = true, example = "7d3c9a52-1b4e-4f0a-a6d2-0c9e8f1b2a34") String subject,
        OffsetDateTime completedAt,
        @Schema(description = "Readable summary") Summary summary,
        @Schema(description = "How many records each service's data set holds") List<DatasetCount> counts,
        @Schema(description = "Each service's data sets, by name, each a list of records",
                example = "{\"notification-service\": {\"contacts\": [{\"subject\": \"7d3c9a52-1b4e-4f0a-a6d2-0c9e8f1b2a34\", \"email\": \"camille.martin@example.org\"}]}}")
        Map<String, Object> services) {

    @Schema(name = "PrivacyExportSummary")
    public record Summary(
            @Schema(example = "notification-service : contacts (1 enregistrement), alerts (2 enregistrements)") String fr,
            @Schema(example = "notification-service: contacts (1 record), alerts (2 records)") String en) {
    }

    @Schema(name = "PrivacyDatasetCount")
    public record DatasetCount(@Schema(example = "notification-service") String service,
            @Schema(example = "alerts") String dataset, @Schema(example = "2") int records) {
    }

    @SuppressWarnings("unchecked")
    static PrivacyExport of(PrivacyRequest request, JsonNode export, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        List<DatasetCount> counts = new ArrayList<>();
        List<String> fr = new ArrayList<>();
        List<String> en = new ArrayList<>();
        export.fields().forEachRemaining(service -> {
            List<String> frSets = new ArrayList<>();
            List<String> enSets = new ArrayList<>();
            service.getValue().fields().forEachRemaining(dataset -> {
                int n = dataset.getValue().size();
                counts.add(new DatasetCount(service.getKey(), dataset.getKey(), n));
                frSets.add(dataset.getKey() + " (" + n + (n > 1 ? " enregistrements)" : " enregistrement)"));
                enSets.add(dataset.getKey() + " (" + n + (n == 1 ? " record)" : " records)"));
            });
            fr.add(service.getKey() + " : " + (frSets.isEmpty() ? "aucune donnée" : String.join(", ", frSets)));
            en.add(service.getKey() + ": " + (enSets.isEmpty() ? "no data" : String.join(", ", enSets)));
        });
        int total = counts.stream().mapToInt(DatasetCount::records).sum();
        Summary summary = new Summary(
                "Données détenues par la plateforme Sud IA sur cette personne : " + total
                        + (total > 1 ? " enregistrements" : " enregistrement") + ". " + String.join(" ; ", fr) + ".",
                "Data the Sud IA platform holds about this person: " + total + (total == 1 ? " record" : " records")
                        + ". " + String.join("; ", en) + ".");
        return new PrivacyExport(request.id, request.email, request.subject, request.completedAt, summary, counts,
                mapper.convertValue(export, Map.class));
    }
}
