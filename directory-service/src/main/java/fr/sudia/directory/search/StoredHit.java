package fr.sudia.directory.search;

import java.io.IOException;

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
            byte[] profile = hit.profileJson();
            if (hit.distanceKm() == null) {
                json.writeRawValue(new RawJson(profile, profile.length));
            } else {
                // the profile without its closing brace, then the distance and the brace
                json.writeRawValue(new RawJson(profile, lastBrace(profile)));
                json.writeRaw(",\"distanceKm\":" + hit.distanceKm() + "}");
            }
        }

        private static int lastBrace(byte[] profile) {
            int end = profile.length - 1;
            while (profile[end] != '}') {
                end--;
            }
            return end;
        }
    }
}
