package fr.sudia.label.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.label.audit.AuditEntry.SubjectType;
import fr.sudia.label.web.QueryEnums;
import fr.sudia.platform.paging.Cursor;
import fr.sudia.platform.paging.Page;
import fr.sudia.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who decided or changed what, when and why")
public class AuditResource {

    @GET
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listAuditEntries", summary = "Read the audit trail",
            description = "Every charter publication, signature, application step, decision and label state change, "
                    + "newest first. Filter by subject (e.g. `subjectType=LABEL&subjectId=SUD-IA-2026-0042`) or by "
                    + "organization. Admins only.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<AuditEntryView> list(
            @QueryParam("subjectType") @Parameter(description = "Kind of subject", schema = @Schema(implementation = SubjectType.class)) String subjectTypeName,
            @QueryParam("subjectId") @Parameter(description = "Charter version, signature id, application id or label number",
                    example = "SUD-IA-2026-0042") String subjectId,
            @QueryParam("organizationId") @Parameter(description = "Directory organization id") UUID organizationId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT)
            @Parameter(description = "Page size, 1 to 100") int limit,
            @QueryParam("cursor") @Parameter(description = "Opaque cursor from a previous page's nextCursor") String cursor) {
        SubjectType subjectType = QueryEnums.parse(SubjectType.class, "subjectType", subjectTypeName);
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (subjectType != null) {
            where.add("subjectType = :subjectType");
            parameters.put("subjectType", subjectType);
        }
        if (subjectId != null) {
            where.add("subjectId = :subjectId");
            parameters.put("subjectId", subjectId);
        }
        if (organizationId != null) {
            where.add("organizationId = :organizationId");
            parameters.put("organizationId", organizationId);
        }
        List<String> after = Cursor.decode(cursor, 1);
        if (!after.isEmpty()) {
            where.add("id < :after");
            parameters.put("after", Cursor.number(after.get(0)));
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        List<AuditEntry> rows = AuditEntry.<AuditEntry>find(query, Sort.descending("id"), parameters)
                .page(0, limit + 1).list();
        return Page.fromKeyset(rows, limit, entry -> List.of(entry.id.toString()), AuditEntryView::of);
    }

    @Inject
    AuditChain chain;

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail's hash chain",
            description = "Recomputes every entry's hash from its content and its predecessor's hash, in order. "
                    + "Erasure replaces an actor by their pseudonym without breaking the chain (the chain covers a "
                    + "digest of the actor); any other change of an entry breaks it from that entry on. Admins only.")
    @APIResponse(responseCode = "200", description = "Whether the chain holds, and where it breaks",
            content = @Content(schema = @Schema(implementation = ChainVerification.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ChainVerification verify() {
        AuditChain.Verification verification = chain.verify();
        return new ChainVerification(verification.valid(), verification.checked(), verification.brokenAt());
    }

    @Schema(name = "AuditChainVerification", description = "The outcome of recomputing the audit trail's hash chain")
    public record ChainVerification(
            @Schema(description = "true when every entry verifies", examples = "true") boolean valid,
            @Schema(description = "How many entries verified, in order, before the first broken one (all when valid)",
                    examples = "1284") long checked,
            @Schema(nullable = true, description = "Id of the first entry that does not verify", examples = "42")
            Long brokenAt) {
    }

    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditEntryView> items, @Schema(nullable = true) String nextCursor) {
    }
}
