package org.cusax.core.connection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a TLS handshake that failed because the two ends share no protocol version (the peer
 * answered {@code protocol_version}, RFC 8446 §6.2, or the JDK found no version both enable), and says so
 * in terms of {@code tls.min-version}: the user's remedy is on the server or in that key, not in the
 * certificate or the network. Looks at exception messages only (JDK {@code javax.net.ssl} texts).
 */
public final class TlsVersionRefusal {
    private static final List<String> MARKERS = List.of("protocol_version", "no appropriate protocol",
            "not accepted by client preferences", "client requested protocol", "unsupported protocol version");

    private TlsVersionRefusal() {
    }

    /**
     * @param failure    what the handshake threw (its causes are searched)
     * @param who        the server in words, e.g. {@code the SIP server 127.0.0.1:5061;transport=tls}
     * @param minVersion the configured minimum, e.g. {@code TLSv1.3}
     * @return the user's explanation, when no common TLS version was the reason
     */
    public static Optional<String> explain(Throwable failure, String who, String minVersion) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (MARKERS.stream().anyMatch(m::contains)) {
                return Optional.of(who + " offers no TLS version at or above the configured "
                        + "minimum (tls.min-version = " + minVersion + "): " + t.getMessage()
                        + "; enable a newer TLS version on the server, or lower tls.min-version");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
