package fr.sudia.funding;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the subject of a test token: DevTokens makes a new subject per token, and advisors are routed by subject. */
public final class Jwt {

    private Jwt() {
    }

    public static String subject(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return new ObjectMapper().readTree(new String(payload, StandardCharsets.UTF_8)).get("sub").asText();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
