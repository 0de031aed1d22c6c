package fr.sudia.platform.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The links {@link HttpUrl} accepts; writers use it not to trust a stored value. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** The URL when it is one this constraint accepts: for writers that must not trust a stored value. */
    public static Optional<URI> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
