package fr.sudia.label.credential;

import java.util.Arrays;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** What a third party needs to verify label credentials offline: the issuer's public key and the status lists. */
@Path("/api/v1/credentials")
@Tag(name = "Credentials", description = "Signed label credentials (Open Badges 3.0 / W3C VC as VC-JWT), key and status lists")
public class CredentialResource {

    static final String JWK_SET = "application/jwk-set+json";
    private static final String KEYS_CACHE = "public, max-age=300";

    private final Credentials credentials;

    CredentialResource(Credentials credentials) {
        this.credentials = credentials;
    }

    @GET
    @Path("jwks")
    @PermitAll
    @Produces(JWK_SET)
    @Operation(operationId = "getCredentialKeys", summary = "Get the public key that signs credentials",
            description = "A JWK Set (RFC 7517) with the issuer's Ed25519 public key; the `kid` is its RFC 7638 thumbprint.")
    @APIResponse(responseCode = "200", description = "The JWK Set",
            content = @Content(mediaType = JWK_SET, schema = @Schema(type = SchemaType.OBJECT,
                    examples = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"x3a...\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}")))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response jwks() {
        return Response.ok(credentials.publicJwks(), JWK_SET).header("Cache-Control", KEYS_CACHE).build();
    }

    @GET
    @Path("status-lists/{purpose}")
    @PermitAll
    @Produces(Credentials.VC_JWT)
    @Operation(operationId = "getStatusList", summary = "Get a credential status list",
            description = "A BitstringStatusListCredential (W3C Bitstring Status List v1.0), signed like the credentials. "
                    + "The bit at a credential's `statusListIndex` is 1 while its label is withdrawn (`revocation`) or "
                    + "suspended (`suspension`).")
    @APIResponse(responseCode = "200", description = "The status list credential, a compact JWS",
            content = @Content(mediaType = Credentials.VC_JWT, schema = @Schema(type = SchemaType.STRING,
                    examples = "eyJhbGciOiJFZERTQSIsImtpZCI6Ii4uLiIsInR5cCI6InZjK2p3dCJ9.eyJAY29udGV4dCI6Wy4uLl19.c2lnbmF0dXJl")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public String statusList(@PathParam("purpose") @Parameter(description = "Which list: revocation (labels retirés / withdrawn labels), "
            + "suspension (labels suspendus / suspended labels)",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "revocation", "suspension" })) String purpose) {
        StatusPurpose list = Arrays.stream(StatusPurpose.values()).filter(p -> p.value().equals(purpose)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no status list '" + purpose + "'."));
        return credentials.statusList(list);
    }
}
