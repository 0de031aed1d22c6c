package fr.sudia.directory.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * An organization found, as the search index stored it: the public profile's JSON, written by the service's own
 * mapper when the row was indexed, is sent as it is (with the distance added) instead of being parsed and written
 * again for every search. Its shape is {@link OrganizationHit}.
 */
@JsonSerialize(using = StoredHit.Writer.class)
record StoredHit(byte[] profileJson, Double distanceKm) {

    static final class Writer extends StdSerializer<StoredHit> {

        Writer() {
            super(StoredHit.class);
        }

        @Override
        public void serialize(StoredHit hit, JsonGenerator json, SerializerProvider provider) throws IOException {
            String profile = new String(hit.profileJson(), StandardCharsets.UTF_8);
            if (hit.distanceKm() == null) {
                json.writeRawValue(profile);
            } else {
                json.writeRawValue(profile.substring(0, profile.lastIndexOf('}')) + ",\"distanceKm\":" + hit.distanceKm() + "}");
            }
        }
    }
}
