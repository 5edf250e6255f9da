package org.cusax.core.config;

import java.time.Duration;

/**
 * XMPP half settings beyond the account itself.
 *
 * @param resource          resource part of our full JID
 * @param allowPlainSasl    accept SASL PLAIN (inside TLS) when the server offers no SCRAM; off by default
 * @param connectTimeout    TCP connect + TLS + login budget for one attempt
 * @param replyTimeout      how long to wait for a reply to one request
 * @param streamManagement  use XEP-0198 (acknowledgements and resumption)
 */
public record XmppSettings(String resource, boolean allowPlainSasl, Duration connectTimeout, Duration replyTimeout,
                           boolean streamManagement) {
    public XmppSettings {
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("xmpp.resource is empty");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("XMPP timeouts must be positive");
        }
    }

    public static XmppSettings defaults() {
        return new XmppSettings("cusax", false, Duration.ofSeconds(20), Duration.ofSeconds(10), true);
    }
}
