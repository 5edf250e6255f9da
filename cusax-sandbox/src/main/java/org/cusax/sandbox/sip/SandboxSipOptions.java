package org.cusax.sandbox.sip;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.cusax.testbed.pki.TestCa;

/**
 * How to start the sandbox SIP service.
 *
 * @param domain   the SIP domain (and digest realm, and TLS certificate name), e.g. {@code cusax.test}
 * @param host     the address to listen on; the sandbox only serves loopback, so {@code 127.0.0.1}
 * @param udpPort  UDP port, 0 for a free one
 * @param tcpPort  TCP port, 0 for a free one
 * @param tlsPort  TLS port, 0 for a free one
 * @param workDir  where the per-run certificate files go
 * @param ca       the CA that signs the certificate: one shared with the rest of the sandbox, or empty
 *                 to create one in {@code workDir}
 */
public record SandboxSipOptions(String domain, String host, int udpPort, int tcpPort, int tlsPort, Path workDir,
                                Optional<TestCa> ca) {
    public SandboxSipOptions {
        Objects.requireNonNull(workDir, "workDir");
        if (domain == null || !domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("bad SIP domain '" + domain + "'");
        }
        if (!"127.0.0.1".equals(host)) {
            throw new IllegalArgumentException("the sandbox listens on 127.0.0.1 only, not " + host);
        }
        for (int p : new int[] {udpPort, tcpPort, tlsPort}) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port " + p + " is outside 0..65535");
            }
        }
        ca = ca == null ? Optional.empty() : ca;
    }

    /** Domain {@code domain} on 127.0.0.1, free ports, a CA of its own in {@code workDir}. */
    public static SandboxSipOptions defaults(String domain, Path workDir) {
        return new SandboxSipOptions(domain, "127.0.0.1", 0, 0, 0, workDir, Optional.empty());
    }

    public SandboxSipOptions withPorts(int udp, int tcp, int tls) {
        return new SandboxSipOptions(domain, host, udp, tcp, tls, workDir, ca);
    }

    public SandboxSipOptions withCa(TestCa sharedCa) {
        return new SandboxSipOptions(domain, host, udpPort, tcpPort, tlsPort, workDir, Optional.of(sharedCa));
    }
}
