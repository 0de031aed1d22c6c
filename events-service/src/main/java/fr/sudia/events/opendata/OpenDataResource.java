package fr.sudia.events.opendata;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.event.Event;
import fr.sudia.events.event.EventView;
import fr.sudia.events.event.Moderation;
import fr.sudia.events.organizer.Organizer;
import fr.sudia.platform.opendata.OpenData;
import fr.sudia.platform.opendata.OpenDataset;
import fr.sudia.platform.opendata.OpenDataset.Column;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The published events as open data (Licence Ouverte 2.0): CSV, JSON and GeoJSON (their venues). Rendered in memory,
 * at most {@link #MAX_EVENTS} events (the calendar holds thousands), then revalidated by digest (ETag).
 */
@Path("/api/v1/open-data")
@PermitAll
@Tag(name = "Open data", description = "The published events as CSV, JSON and GeoJSON, under the Licence Ouverte / Open Licence 2.0")
public class OpenDataResource {

    static final int MAX_EVENTS = 50_000;

    static final OpenDataset<EventView> EVENTS = OpenDataset.of("sud-ia-events",
            "Agenda des événements de l'IA en Région Sud", "Calendar of AI events in the Région Sud",
            "Les événements publiés de l'écosystème IA : dates, lieu, organisateur, publics, lien d'inscription.",
            "The AI ecosystem's published events: dates, place, organizer, audiences, registration link.",
            List.<Column<EventView>>of(new Column<>("id", EventView::id), new Column<>("titleFr", EventView::titleFr),
                    new Column<>("titleEn", EventView::titleEn), new Column<>("descriptionFr", EventView::descriptionFr),
                    new Column<>("descriptionEn", EventView::descriptionEn), new Column<>("startsAt", EventView::startsAt),
                    new Column<>("endsAt", EventView::endsAt), new Column<>("allDay", EventView::allDay),
                    new Column<>("timeZone", EventView::timeZone), new Column<>("status", EventView::status),
                    new Column<>("attendanceMode", EventView::attendanceMode),
                    new Column<>("venueName", e -> e.venue() == null ? null : e.venue().name()),
                    new Column<>("venueAddress", e -> e.venue() == null ? null : e.venue().address()),
                    new Column<>("city", e -> e.venue() == null ? null : e.venue().city()),
                    new Column<>("latitude", e -> e.venue() == null ? null : e.venue().latitude()),
                    new Column<>("longitude", e -> e.venue() == null ? null : e.venue().longitude()),
                    new Column<>("onlineUrl", EventView::onlineUrl), new Column<>("audiences", EventView::audiences),
                    new Column<>("tags", EventView::tags),
                    new Column<>("organizerId", e -> e.organizer() == null ? null : e.organizer().id()),
                    new Column<>("organizerName", e -> e.organizer() == null ? null : e.organizer().name()),
                    new Column<>("url", EventView::url), new Column<>("priceEur", EventView::priceEur),
                    new Column<>("registrationUrl", EventView::registrationUrl),
                    new Column<>("recurrenceRule", e -> e.recurrence() == null ? null : e.recurrence().rrule()),
                    new Column<>("updatedAt", EventView::updatedAt)))
            .withPlaces(e -> e.id().toString(), e -> e.venue() == null || e.venue().latitude() == null || e.venue().longitude() == null
                    ? null : new OpenDataset.Point(e.venue().longitude(), e.venue().latitude()));

    private final ObjectMapper mapper;

    OpenDataResource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @GET
    @Path("events.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "downloadEventsCsv", summary = "Download the published events as CSV",
            description = "Every published event (a recurring one once, with its rule), by start, UTF-8, RFC 4180, lists "
                    + "separated by `|`; text a spreadsheet would run is prefixed with an apostrophe. Licence Ouverte / Open "
                    + "Licence 2.0 (`Link` rel=license, `X-License`). ETag and Cache-Control; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = OpenData.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,titleFr,titleEn,descriptionFr,descriptionEn,startsAt,endsAt,"
                            + "allDay,timeZone,status,attendanceMode,venueName,venueAddress,city,latitude,longitude,onlineUrl,"
                            + "audiences,tags,organizerId,organizerName,url,priceEur,registrationUrl,recurrenceRule,updatedAt\r\n")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "csv")
    public Response csv(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return EVENTS.csv(ifNoneMatch, events());
    }

    @GET
    @Path("events.json")
    @Produces(OpenData.JSON)
    @Operation(operationId = "downloadEventsJson", summary = "Download the published events as JSON",
            description = "The dataset's metadata (titles, publisher, licence) and every published event as `getEvent` shows "
                    + "it. Licence headers, ETag and 304 as for the CSV.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = OpenData.JSON,
                    examples = @ExampleObject(name = "json", value = """
                            {"dataset":"sud-ia-events","title":{"fr":"Agenda des événements de l'IA en Région Sud",
                               "en":"Calendar of AI events in the Région Sud"},
                             "description":{"fr":"Les événements publiés de l'écosystème IA…","en":"The AI ecosystem's published events…"},
                             "items":[{"id":"0b7d8c62-3f55-4d6e-9a51-6c2b0e4f1a77","titleFr":"WAICF 2026",
                               "startsAt":"2026-02-12T08:00:00Z","venue":{"city":"Cannes"}}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "json")
    public Response json(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return EVENTS.json(ifNoneMatch, mapper, events());
    }

    @GET
    @Path("events.geojson")
    @Produces(OpenData.GEOJSON)
    @Operation(operationId = "downloadEventsGeoJson", summary = "Download the published events as GeoJSON",
            description = "An RFC 7946 FeatureCollection of the published events: a Point [longitude, latitude] at the venue "
                    + "when it has coordinates, a null geometry otherwise (online events); the properties are the event as "
                    + "`getEvent` shows it, the dataset's metadata and licence as foreign members. Licence headers, ETag, 304.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(mediaType = OpenData.GEOJSON,
                    examples = @ExampleObject(name = "geojson", value = """
                            {"type":"FeatureCollection","dataset":"sud-ia-events",
                             "title":{"fr":"Agenda des événements de l'IA en Région Sud","en":"Calendar of AI events in the Région Sud"},
                             "description":{"fr":"Les événements publiés de l'écosystème IA…","en":"The AI ecosystem's published events…"},
                             "features":[{"type":"Feature","id":"0b7d8c62-3f55-4d6e-9a51-6c2b0e4f1a77",
                               "geometry":{"type":"Point","coordinates":[7.0174,43.5513]},
                               "properties":{"titleFr":"WAICF 2026","startsAt":"2026-02-12T08:00:00Z"}}]}""")))
    @Extension(name = OpenData.DOWNLOAD_EXTENSION, value = "geojson")
    public Response geoJson(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return EVENTS.geoJson(ifNoneMatch, mapper, events());
    }

    @Transactional
    List<EventView> events() {
        List<Event> events = Event.<Event>find("moderation = ?1 order by startsAt, id", Moderation.PUBLISHED)
                .page(0, MAX_EVENTS).list();
        List<UUID> organizerIds = events.stream().map(e -> e.organizerId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, Organizer> organizers = organizerIds.isEmpty() ? Map.of()
                : Organizer.<Organizer>list("id in ?1", organizerIds).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return events.stream().map(e -> EventView.of(e, e.organizerId == null ? null : organizers.get(e.organizerId))).toList();
    }
}
