package fr.sudia.label.credential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.Label;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signed credentials for labels: an Open Badges 3.0 {@code OpenBadgeCredential} (a W3C Verifiable Credential 2.0)
 * secured as a VC-JWT with the service's Ed25519 key, whose status lives in two Bitstring Status Lists.
 */
@ApplicationScoped
public class Credentials {

    public static final String VC_JWT = "application/vc+jwt";
    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** The specification's minimum length, so a list does not reveal how many labels exist. */
    static final int MIN_BITS = 131_072;

    private final IssuerKey key;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String baseUrl;
    private final String issuerName;

    Credentials(IssuerKey key, ObjectMapper mapper, Clock clock,
            @ConfigProperty(name = "sudia.label.public-base-url") String baseUrl,
            @ConfigProperty(name = "sudia.label.credential.issuer-name") String issuerName) {
        this.key = key;
        this.mapper = mapper;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.issuerName = issuerName;
    }

    public String issue(Label label, KnownOrganization holder) {
        ObjectNode credential = envelope(List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("id", baseUrl + "/v1/labels/" + label.number + "/credential");
        credential.put("name", "Label Sud IA " + label.number);
        credential.put("validFrom", label.grantedOn.atStartOfDay().atOffset(ZoneOffset.UTC).toString());
        credential.put("validUntil", label.validUntil.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString());
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", "urn:uuid:" + label.organizationId);
        subject.putArray("type").add("AchievementSubject");
        subject.put("name", holder.name);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", baseUrl + "/v1/charters/" + label.charterVersion);
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", "Badge");
        achievement.put("name", "Label Sud IA – " + label.category);
        achievement.put("description", "Holder of the Sud IA label, signatory of the charter for an ethical, reliable, "
                + "industrial and sovereign AI (Plan Sud IA, Mesures 2 and 7).");
        achievement.putObject("criteria").put("narrative", "Signed charter version " + label.charterVersion
                + " and was granted the label by the committee.");
        ArrayNode status = credential.putArray("credentialStatus");
        for (StatusPurpose purpose : StatusPurpose.values()) {
            String list = statusListUrl(purpose);
            status.addObject()
                    .put("id", list + "#" + label.statusIndex)
                    .put("type", "BitstringStatusListEntry")
                    .put("statusPurpose", purpose.value())
                    .put("statusListIndex", Integer.toString(label.statusIndex))
                    .put("statusListCredential", list);
        }
        return key.sign(credential.toString(), "vc+jwt");
    }

    /** The list of one purpose: bit i (most significant first) is set when the label at index i is in that state. */
    public String statusList(StatusPurpose purpose) {
        List<Integer> set = Label.<Label>list("status", purpose.setWhile).stream().map(label -> label.statusIndex).toList();
        int highest = set.stream().mapToInt(Integer::intValue).max().orElse(0);
        byte[] bits = new byte[Math.max(MIN_BITS, highest + 1 + 7) / 8];
        set.forEach(index -> bits[index / 8] |= (byte) (0x80 >>> (index % 8)));
        ObjectNode credential = envelope(List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("id", statusListUrl(purpose));
        credential.put("validFrom", clock.instant().atOffset(ZoneOffset.UTC).toString());
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", statusListUrl(purpose) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits)));
        return key.sign(credential.toString(), "vc+jwt");
    }

    public String publicJwks() {
        return key.publicJwks();
    }

    String statusListUrl(StatusPurpose purpose) {
        return baseUrl + "/v1/credentials/status-lists/" + purpose.value();
    }

    private ObjectNode envelope(List<String> types) {
        ObjectNode credential = mapper.createObjectNode();
        credential.putArray("@context").add(VC_V2).add(OB_V3);
        ArrayNode type = credential.putArray("type");
        types.forEach(type::add);
        ObjectNode issuer = credential.putObject("issuer");
        issuer.put("id", baseUrl);
        issuer.putArray("type").add("Profile");
        issuer.put("name", issuerName);
        return credential;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
