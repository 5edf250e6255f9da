package org.cusax.sandbox.sip;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cusax.sandbox.pki.SandboxCa;

/**
 * How to start the sandbox SIP service.
 *
 * @param domain   the SIP domain (and digest realm, and TLS certificate name), e.g. {@code cusax.test}
 * @param host     the address to listen on; the sandbox only serves loopback, so {@code 127.0.0.1}
 * @param udpPort  UDP port, 0 for a free one
 * @param tcpPort  TCP port, 0 for a free one
 * @param tlsPort  TLS port, 0 for a free one
 * @param workDir  where the CA certificate file (PEM) for clients is written
 * @param ca       the CA that signs the certificate: one shared with the rest of the sandbox, or empty
 *                 to create one for this run
 * @param digestAlgorithms the digest challenges offered, in this order (RFC 8760 names; default
 *                 SHA-256 then MD5; MD5 alone for clients that only read the first challenge, like sipp)
 */
public record SandboxSipOptions(String domain, String host, int udpPort, int tcpPort, int tlsPort, Path workDir,
                                Optional<SandboxCa> ca, List<String> digestAlgorithms) {
    public static final List<String> DEFAULT_DIGEST_ALGORITHMS = List.of("SHA-256", "MD5");

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
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty() || !DEFAULT_DIGEST_ALGORITHMS.containsAll(digestAlgorithms)) {
            throw new IllegalArgumentException("digest algorithms must be among " + DEFAULT_DIGEST_ALGORITHMS
                    + ", not " + digestAlgorithms);
        }
    }

    /** Domain {@code domain} on 127.0.0.1, free ports, a CA of its own. */
    public static SandboxSipOptions defaults(String domain, Path workDir) {
        return new SandboxSipOptions(domain, "127.0.0.1", 0, 0, 0, workDir, Optional.empty(), DEFAULT_DIGEST_ALGORITHMS);
    }

    public SandboxSipOptions withPorts(int udp, int tcp, int tls) {
        return new SandboxSipOptions(domain, host, udp, tcp, tls, workDir, ca, digestAlgorithms);
    }

    public SandboxSipOptions withCa(SandboxCa sharedCa) {
        return new SandboxSipOptions(domain, host, udpPort, tcpPort, tlsPort, workDir, Optional.of(sharedCa),
                digestAlgorithms);
    }

    public SandboxSipOptions withDigestAlgorithms(List<String> algorithms) {
        return new SandboxSipOptions(domain, host, udpPort, tcpPort, tlsPort, workDir, ca, algorithms);
    }
}
