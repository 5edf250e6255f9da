package org.cusax.xmpp.connection;

import java.util.ArrayList;
import java.util.List;

/**
 * Which SASL mechanisms (RFC 6120 §6) we are willing to use, set per connection.
 *
 * <p>SCRAM only (RFC 5802): the password never crosses the wire and the server proves it knows the
 * credential too. Smack 4.4.8 implements SCRAM-SHA-1 and SCRAM-SHA-1-PLUS but not SCRAM-SHA-256; it
 * blacklists -PLUS globally (its channel binding is {@code tls-server-end-point}, while Prosody 0.12
 * offers only {@code tls-unique}, which TLS 1.3 does not define), so we do not enable it. PLAIN is used
 * only when the settings allow it <em>and</em> TLS is required, so it never travels unencrypted.
 */
public final class SaslPolicy {
    public static final String SCRAM_SHA_1 = "SCRAM-SHA-1";
    public static final String PLAIN = "PLAIN";

    private SaslPolicy() {
    }

    /** The mechanisms to enable, strongest first. */
    public static List<String> mechanisms(boolean allowPlainSasl, boolean requireTls) {
        List<String> result = new ArrayList<>(List.of(SCRAM_SHA_1));
        if (allowPlainSasl && requireTls) {
            result.add(PLAIN);
        }
        return List.copyOf(result);
    }
}
