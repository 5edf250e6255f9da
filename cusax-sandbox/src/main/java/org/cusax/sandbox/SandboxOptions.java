package org.cusax.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cusax.sandbox.sip.SandboxSipOptions;
import org.cusax.sandbox.xmpp.SandboxXmppOptions;

/**
 * How to start a {@link Sandbox}.
 *
 * @param domain           the one domain of both halves (XMPP domain, SIP domain and realm); default
 *                         {@code cusax.test}
 * @param xmppPort         XMPP client port, 0 (default) for a free one
 * @param sipUdpPort       SIP UDP port, 0 for a free one
 * @param sipTcpPort       SIP TCP port, 0 for a free one
 * @param sipTlsPort       SIP TLS port, 0 for a free one
 * @param digestAlgorithms the SIP digest challenges offered, in order (default SHA-256 then MD5; MD5 alone
 *                         for clients that read only the first challenge, e.g. baresip 1.0, sipp)
 * @param workDir          where the CA certificate, client configurations, history and recordings go;
 *                         empty (default) for a new temporary directory, deleted at close
 */
public record SandboxOptions(String domain, int xmppPort, int sipUdpPort, int sipTcpPort, int sipTlsPort,
                             List<String> digestAlgorithms, Optional<Path> workDir, Optional<Path> keepFilesIn) {
    public SandboxOptions {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(keepFilesIn, "keepFilesIn");
        digestAlgorithms = List.copyOf(digestAlgorithms);
        // the part options check domain, ports and algorithms; fail here, before anything starts
        SandboxXmppOptions.defaults().withDomain(domain).withPort(xmppPort);
        SandboxSipOptions.defaults(domain, Path.of(".")).withPorts(sipUdpPort, sipTcpPort, sipTlsPort)
                .withDigestAlgorithms(digestAlgorithms);
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(SandboxXmppOptions.DEFAULT_DOMAIN, 0, 0, 0, 0,
                SandboxSipOptions.DEFAULT_DIGEST_ALGORITHMS, Optional.empty(), Optional.empty());
    }

    public SandboxOptions withDomain(String d) {
        return new SandboxOptions(d, xmppPort, sipUdpPort, sipTcpPort, sipTlsPort, digestAlgorithms,
                workDir, keepFilesIn);
    }

    public SandboxOptions withXmppPort(int p) {
        return new SandboxOptions(domain, p, sipUdpPort, sipTcpPort, sipTlsPort, digestAlgorithms,
                workDir, keepFilesIn);
    }

    public SandboxOptions withSipPorts(int udp, int tcp, int tls) {
        return new SandboxOptions(domain, xmppPort, udp, tcp, tls, digestAlgorithms,
                workDir, keepFilesIn);
    }

    public SandboxOptions withDigestAlgorithms(List<String> algorithms) {
        return new SandboxOptions(domain, xmppPort, sipUdpPort, sipTcpPort, sipTlsPort, algorithms,
                workDir, keepFilesIn);
    }

    /** Keeps everything in {@code dir} (created if missing, left in place at close). */
    public SandboxOptions withWorkDir(Path dir) {
        return new SandboxOptions(domain, xmppPort, sipUdpPort, sipTcpPort, sipTlsPort, digestAlgorithms,
                Optional.of(dir), keepFilesIn);
    }

    /**
     * At close, the temporary directory the sandbox made (no {@link #withWorkDir}) is moved into {@code dir}
     * instead of being deleted: kept for inspection (the integration tests' secret scan reads it there).
     */
    public SandboxOptions withKeepFilesIn(Path dir) {
        return new SandboxOptions(domain, xmppPort, sipUdpPort, sipTcpPort, sipTlsPort, digestAlgorithms, workDir,
                Optional.of(dir));
    }
}
