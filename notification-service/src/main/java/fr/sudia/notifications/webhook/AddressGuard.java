package fr.sudia.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SSRF guard: a webhook URL may only lead to a public address. The host name is resolved and every address it
 * resolves to is checked, at subscription time and again before every attempt (a name may be re-pointed):
 * loopback, private (RFC 1918), carrier-grade NAT, link-local (cloud metadata 169.254.169.254), unique-local and
 * site-local IPv6, unspecified (0.0.0.0, ::), multicast and broadcast are refused. HTTPS only unless
 * {@code sudia.notifications.webhooks.require-https=false}; loopback only with
 * {@code sudia.notifications.webhooks.allow-loopback=true} (tests and dev, for a local receiver; production refuses
 * both at start, {@link WebhookSettingsCheck}). The JVM's DNS cache makes the client connect to the address checked.
 */
@ApplicationScoped
public class AddressGuard {

    public static class RefusedDestination extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedDestination(String message) {
            super(message);
        }
    }

    private final boolean requireHttps;
    private final boolean allowLoopback;

    public AddressGuard(@ConfigProperty(name = "sudia.notifications.webhooks.require-https") boolean requireHttps,
            @ConfigProperty(name = "sudia.notifications.webhooks.allow-loopback") boolean allowLoopback) {
        this.requireHttps = requireHttps;
        this.allowLoopback = allowLoopback;
    }

    public void check(URI uri) throws RefusedDestination {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw new RefusedDestination(requireHttps ? "the URL must be https" : "the URL must be http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedDestination("the URL may not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedDestination("the URL has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedDestination("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                throw new RefusedDestination("the host " + host + " resolves to " + address.getHostAddress() + ", " + why);
            }
        }
    }

    /** Why an address is refused, or null. */
    String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "a \"this network\" address";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT address";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "an IETF protocol assignment address";
            }
            if (first >= 240) {
                return "a reserved or broadcast address";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local address";
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return refusal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "an unreadable address";
                }
            }
        }
        return null;
    }
}
