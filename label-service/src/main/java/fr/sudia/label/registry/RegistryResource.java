package fr.sudia.label.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.label.credential.Credentials;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelLifecycle;
import fr.sudia.label.label.LabelCategory;
import fr.sudia.label.label.LabelStatus;
import fr.sudia.label.web.QueryEnums;
import fr.sudia.platform.http.EntityTags;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public registry: anyone can find labelled holders and check a label, at any time. */
@Path("/api/v1/labels")
@Tag(name = "Registry", description = "The public registry of Sud IA labels: search, verification and badges")
public class RegistryResource {

    /** Caches may keep an answer but must revalidate it before each use: a withdrawn label never shows as valid. */
    static final String CACHE_CONTROL = "public, no-cache";
    static final String SVG = "image/svg+xml";

    private final LabelIndex index;
    private final RenderedAnswers rendered;
    private final Credentials credentials;
    private final Clock clock;

    RegistryResource(LabelIndex index, RenderedAnswers rendered, Credentials credentials, Clock clock) {
        this.index = index;
        this.rendered = rendered;
        this.credentials = credentials;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchLabels", summary = "Search the labelled holders",
            description = "Finds labels by holder name (`q`, part of the name, ignoring case and accents), category and "
                    + "city (exact, ignoring case and accents); by default only valid labels. Ordered by holder name "
                    + "(ignoring case and accents), then label number; pass `nextCursor` back as `cursor`, with the "
                    + "same parameters, for the next page.")
    @APIResponse(responseCode = "200", description = "One page of labels",
            content = @Content(schema = @Schema(implementation = RegistryPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    // Answered from the in-memory index (LabelIndex), never the database: on the I/O thread.
    @NonBlocking
    public Page<VerificationView> search(
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Part of the holder's name", example = "numerica") String q,
            @QueryParam("category") @Parameter(description = "Label category", schema = @Schema(implementation = LabelCategory.class)) String categoryName,
            @QueryParam("city") @Size(max = 120) @Parameter(description = "Holder's city, exact, ignoring case", example = "Biot") String city,
            @QueryParam("status") @DefaultValue("VALID") @Parameter(description = "Label status", schema = @Schema(implementation = LabelStatus.class)) String statusName,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        LabelCategory category = QueryEnums.parse(LabelCategory.class, "category", categoryName);
        LabelStatus status = QueryEnums.parse(LabelStatus.class, "status", statusName);
        LocalDate today = today();
        List<String> after = Cursor.decode(cursor, 2);
        List<LabelIndex.Entry> rows = index.search(status, category, q, city, today,
                after.isEmpty() ? null : after.get(0), after.isEmpty() ? null : after.get(1), limit + 1);
        return Page.fromKeyset(rows, limit, entry -> List.of(entry.key(), entry.label().number()),
                entry -> VerificationView.of(entry.label(), today));
    }

    @GET
    @Path("{number}/verification")
    @PermitAll
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyLabel", summary = "Verify a label",
            description = "Says whether the label is VALID, SUSPENDED, WITHDRAWN or EXPIRED, and since when. Answered from "
                    + "memory; send back the ETag in `If-None-Match` to get a 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "The label's status",
            headers = { @Header(name = "ETag", description = "Strong validator of this answer", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "public, no-cache: revalidate before each use", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent",
            headers = @Header(name = "ETag", description = "The current validator", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response verify(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "An ETag received before") String ifNoneMatch) {
        LabelSnapshot label = known(number);
        LocalDate today = today();
        String etag = label.etag(today);
        return conditional(etag, ifNoneMatch, () -> rendered.json(label, etag, () -> VerificationView.of(label, today)),
                MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("{number}/badge.svg")
    @PermitAll
    @NonBlocking
    @Produces(SVG)
    @Operation(operationId = "getLabelBadge", summary = "Get a label's badge",
            description = "An SVG image for the holder's website showing the label's current status: green only while "
                    + "valid; suspended, withdrawn and expired labels say so. Same ETag and caching as the verification.")
    @APIResponse(responseCode = "200", description = "The badge",
            headers = { @Header(name = "ETag", description = "Strong validator of this answer", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "public, no-cache: revalidate before each use", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent",
            headers = @Header(name = "ETag", description = "The current validator", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response badge(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "An ETag received before") String ifNoneMatch) {
        LabelSnapshot label = known(number);
        LocalDate today = today();
        String etag = label.etag(today);
        return conditional(etag, ifNoneMatch, () -> rendered.badge(label, etag, () -> Badge.render(label.number(),
                label.statusOn(today))), SVG);
    }

    @GET
    @Path("{number}/credential")
    @PermitAll
    @Produces(Credentials.VC_JWT)
    @Operation(operationId = "getLabelCredential", summary = "Get a label's signed credential",
            description = "An OpenBadgeCredential (W3C Verifiable Credential 2.0) as a compact JWS signed with EdDSA "
                    + "(Ed25519) by the key published at `/api/v1/credentials/jwks`. Its `credentialStatus` points to "
                    + "the revocation and suspension status lists; `validUntil` is the end of the label's validity.")
    @APIResponse(responseCode = "200", description = "The credential, a compact JWS",
            content = @Content(mediaType = Credentials.VC_JWT, schema = @Schema(type = SchemaType.STRING,
                    examples = "eyJhbGciOiJFZERTQSIsImtpZCI6Ii4uLiIsInR5cCI6InZjK2p3dCJ9.eyJAY29udGV4dCI6Wy4uLl19.c2lnbmF0dXJl")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public String credential(@PathParam("number") @Parameter(description = "Label number", example = "SUD-IA-2026-0042") String number) {
        Label label = LabelLifecycle.find(number);
        return credentials.issue(label, KnownOrganization.findById(label.organizationId));
    }

    private Response conditional(String etag, String ifNoneMatch, java.util.function.Supplier<Object> body, String type) {
        // The snapshot's tag is quoted: the platform compares the tag itself.
        Response.ResponseBuilder response = EntityTags.noneMatchNames(ifNoneMatch, etag.substring(1, etag.length() - 1))
                ? Response.notModified()
                : Response.ok(body.get(), type);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    private LabelSnapshot known(String number) {
        return index.find(number).orElseThrow(() -> new NotFoundException("Label " + number + " does not exist."));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Schema(name = "LabelPage")
    public record RegistryPage(List<VerificationView> items, @Schema(nullable = true) String nextCursor) {
    }
}
