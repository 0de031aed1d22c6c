package fr.sudia.label.credential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's Ed25519 signing key for credentials. Production reads a private JWK from
 * {@code sudia.label.credential.key-file}; without one (development, tests) a key is generated at start, so
 * credentials issued before a restart no longer verify.
 */
@ApplicationScoped
public class IssuerKey {

    private static final Logger LOG = Logger.getLogger(IssuerKey.class);

    private final OctetKeyPairJsonWebKey key;

    IssuerKey(@ConfigProperty(name = "sudia.label.credential.key-file") Optional<Path> keyFile) {
        this.key = keyFile.map(IssuerKey::read).orElseGet(IssuerKey::generate);
    }

    /** A compact JWS (EdDSA) of the payload, with the key's id and the given media type. */
    public String sign(String payload, String type) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", type);
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("credential signing failed", e);
        }
    }

    /** The public key only, as a JWK Set. */
    public String publicJwks() {
        return new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    private static OctetKeyPairJsonWebKey read(Path file) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(file));
            if (!(jwk instanceof OctetKeyPairJsonWebKey okp) || okp.getPrivateKey() == null
                    || !OctetKeyPairJsonWebKey.SUBTYPE_ED25519.equals(okp.getSubtype())) {
                throw new IllegalStateException(file + " must hold a private Ed25519 JWK (kty OKP, crv Ed25519, d)");
            }
            withThumbprintId(okp);
            return okp;
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("cannot read the credential key " + file, e);
        }
    }

    private static OctetKeyPairJsonWebKey generate() {
        try {
            OctetKeyPairJsonWebKey generated = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
            withThumbprintId(generated);
            LOG.warn("No sudia.label.credential.key-file: credentials are signed with a key generated for this run");
            return generated;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void withThumbprintId(OctetKeyPairJsonWebKey jwk) throws JoseException {
        if (jwk.getKeyId() == null) {
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        }
    }
}
