package org.cusax.sandbox.xmpp;

import java.util.Objects;
import java.util.Optional;

import org.cusax.sandbox.pki.SandboxCa;

/**
 * How to start a {@link SandboxXmppServer}.
 *
 * @param domain      the XMPP domain (and the server certificate's DNS name); default {@code cusax.test}
 * @param bindAddress the IP literal to listen on; default {@code 127.0.0.1}
 * @param port        the client-to-server port; {@code 0} (default) picks a free one
 * @param plainSasl   whether SASL PLAIN is offered next to SCRAM-SHA-1 (always after STARTTLS, which is
 *                    required); default off, as for the client
 * @param ca          the CA that signs the server certificate; empty (default) makes a new one for this run,
 *                    given one lets the SIP side and the XMPP side share a CA
 */
public record SandboxXmppOptions(String domain, String bindAddress, int port, boolean plainSasl, Optional<SandboxCa> ca) {
    public static final String DEFAULT_DOMAIN = "cusax.test";
    public static final String LOOPBACK = "127.0.0.1";

    public SandboxXmppOptions {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(ca, "ca");
        if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("not a lower-case DNS domain: " + domain);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static SandboxXmppOptions defaults() {
        return new SandboxXmppOptions(DEFAULT_DOMAIN, LOOPBACK, 0, false, Optional.empty());
    }

    public SandboxXmppOptions withDomain(String d) {
        return new SandboxXmppOptions(d, bindAddress, port, plainSasl, ca);
    }

    public SandboxXmppOptions withBindAddress(String a) {
        return new SandboxXmppOptions(domain, a, port, plainSasl, ca);
    }

    public SandboxXmppOptions withPort(int p) {
        return new SandboxXmppOptions(domain, bindAddress, p, plainSasl, ca);
    }

    public SandboxXmppOptions withPlainSasl(boolean on) {
        return new SandboxXmppOptions(domain, bindAddress, port, on, ca);
    }

    public SandboxXmppOptions withCa(SandboxCa c) {
        return new SandboxXmppOptions(domain, bindAddress, port, plainSasl, Optional.of(c));
    }
}
