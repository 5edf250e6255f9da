package org.cusax.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cusax.sandbox.SandboxOptions;

import picocli.CommandLine.Option;

/** The options of {@code cusax sandbox} and {@code cusax demo}: where the sandbox listens and what it offers. */
final class SandboxSettings {
    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "cusax.test",
            description = "Domain of both halves (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--xmpp-port", paramLabel = "PORT", defaultValue = "0",
            description = "XMPP client port on 127.0.0.1 (default: a free one).")
    int xmppPort;

    @Option(names = "--sip-udp-port", paramLabel = "PORT", defaultValue = "0", description = "SIP UDP port (default: a free one).")
    int sipUdpPort;

    @Option(names = "--sip-tcp-port", paramLabel = "PORT", defaultValue = "0", description = "SIP TCP port (default: a free one).")
    int sipTcpPort;

    @Option(names = "--sip-tls-port", paramLabel = "PORT", defaultValue = "0", description = "SIP TLS port (default: a free one).")
    int sipTlsPort;

    @Option(names = "--digest", paramLabel = "ALGS", defaultValue = "sha-256,md5",
            description = "SIP digest algorithms offered, in order: sha-256,md5 (default) or md5 (for clients that "
                    + "read only the first challenge, such as baresip 1.0 or sipp).")
    String digest;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Keep the CA certificate, client configurations and history in DIR "
                    + "(default: a temporary directory, deleted at exit).")
    Path dir;

    @Option(names = "--keep-files-in", paramLabel = "DIR", defaultValue = "${env:CUSAX_SANDBOX_KEEP_FILES_IN}",
            description = "At exit, move the temporary directory into DIR instead of deleting it, for inspection "
                    + "(default: $CUSAX_SANDBOX_KEEP_FILES_IN, else deleted; ignored with --dir).")
    Path keepFilesIn;

    /** The sandbox options; throws IllegalArgumentException with a clear message for bad values. */
    SandboxOptions options() {
        List<String> algorithms = Arrays.stream(digest.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        SandboxOptions o = SandboxOptions.defaults().withDomain(domain.toLowerCase(Locale.ROOT)).withXmppPort(xmppPort)
                .withSipPorts(sipUdpPort, sipTcpPort, sipTlsPort).withDigestAlgorithms(algorithms);
        if (keepFilesIn != null && !keepFilesIn.toString().isBlank()) {
            o = o.withKeepFilesIn(keepFilesIn);
        }
        return dir == null ? o : o.withWorkDir(dir);
    }
}
