package fr.sudia.label.credential;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/** A third party verifies a label's credential offline with the published key, and reads its status list. */
@QuarkusTest
class CredentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCredentialVerifiesWithThePublishedKeyAndOneChangedByteDoesNot() throws Exception {
        String number = Fixtures.labelledOrganization("Credentialed", "Nice");
        String jws = given().when().get("/api/v1/labels/" + number + "/credential")
                .then().statusCode(200).contentType("application/vc+jwt").extract().asString();
        JsonWebKeySet keys = new JsonWebKeySet(given().when().get("/api/v1/credentials/jwks")
                .then().statusCode(200).contentType("application/jwk-set+json").extract().asString());
        assertTrue(keys.getJsonWebKeys().stream().allMatch(key -> !key.toJson().contains("\"d\"")), "public key only");

        JsonNode credential = JSON.readTree(verified(jws, keys));
        assertEquals("OpenBadgeCredential", credential.at("/type/1").asText());
        assertEquals("Credentialed", credential.at("/credentialSubject/name").asText());
        assertTrue(credential.get("id").asText().endsWith("/api/v1/labels/" + number + "/credential"));
        assertEquals("revocation", credential.at("/credentialStatus/0/statusPurpose").asText());

        String[] parts = jws.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("Credentialed");
        payload[at] = (byte) 'K';
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
        assertFalse(verifies(tampered, keys), "a credential with one byte changed must not verify");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        assertFalse(verifies(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature), keys));
    }

    @Test
    void theRevocationListFlipsTheLabelsBitWhenWithdrawn() throws Exception {
        String number = Fixtures.labelledOrganization("Revoked later", "Nice");
        JsonNode credential = JSON.readTree(((JsonWebSignature) JsonWebSignature.fromCompactSerialization(
                given().when().get("/api/v1/labels/" + number + "/credential").asString())).getUnverifiedPayload());
        int index = credential.at("/credentialStatus/0/statusListIndex").asInt();
        JsonWebKeySet keys = new JsonWebKeySet(given().when().get("/api/v1/credentials/jwks").asString());

        assertFalse(bit(statusList("revocation", keys), index));
        Fixtures.labelAction(number, "withdrawal", Map.of("reason", "Retrait"));
        assertTrue(bit(statusList("revocation", keys), index));
        assertFalse(bit(statusList("suspension", keys), index));
        given().when().get("/api/v1/credentials/status-lists/nothing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static byte[] statusList(String purpose, JsonWebKeySet keys) throws Exception {
        String jws = given().when().get("/api/v1/credentials/status-lists/" + purpose).then().statusCode(200).extract().asString();
        JsonNode list = JSON.readTree(verified(jws, keys));
        String encoded = list.at("/credentialSubject/encodedList").asText();
        assertTrue(encoded.startsWith("u"), "multibase base64url");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            byte[] bits = in.readAllBytes();
            assertTrue(bits.length * 8 >= 131_072, "at least the specification's minimum length");
            return bits;
        }
    }

    private static boolean bit(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    private static String verified(String compact, JsonWebKeySet keys) throws JoseException {
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(compact);
        jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
        assertTrue(jws.verifySignature(), "signature verifies");
        assertEquals("EdDSA", jws.getAlgorithmHeaderValue());
        return jws.getPayload();
    }

    private static boolean verifies(String compact, JsonWebKeySet keys) {
        try {
            JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(compact);
            jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
            return jws.verifySignature();
        } catch (JoseException e) {
            return false;
        }
    }
}
