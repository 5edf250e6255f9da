package org.cusax.core.account;

/**
 * Where a half connects: host (name or address), port and transport. The host may differ from the
 * account's domain (e.g. connect to 127.0.0.1 for domain {@code cusax.test}); certificates are still
 * checked against the domain.
 */
public record ServerEndpoint(String host, int port, Transport transport) {
    public ServerEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port " + port + " is outside 1..65535");
        }
        if (transport == null) {
            throw new IllegalArgumentException("transport is missing");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port + ";transport=" + transport.lowerName();
    }
}
