package org.cusax.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ProcessHost;

/**
 * Makes one TCP port of a process inside an isolated network namespace reachable from this machine's
 * 127.0.0.1 under the same number (so that Host and Origin checks see the address the server believes it
 * has): socat listens on 127.0.0.1:PORT here and relays each connection through a Unix socket (files cross
 * network namespaces) to a second socat inside the namespace, which connects to 127.0.0.1:PORT there.
 * For a browser on this machine talking to a daemon beside Prosody and Kamailio in the namespace.
 */
public final class NamespacePortBridge implements AutoCloseable {
    public static final String SOCAT = "socat";

    private final int port;
    private final List<Process> processes = new ArrayList<>();

    private NamespacePortBridge(int port) {
        this.port = port;
    }

    /** A port free on this machine's 127.0.0.1 now: give it to the server in the namespace, then {@link #open}. */
    public static int freeLocalPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relays 127.0.0.1:{@code port} here to 127.0.0.1:{@code port} in {@code namespace}; socket file in {@code dir}. */
    public static NamespacePortBridge open(ProcessHost namespace, int port, Path dir, Duration limit) throws IOException {
        PackageInstaller.ensure(SOCAT);
        Path socket = dir.resolve("bridge-" + port + ".sock");
        Files.deleteIfExists(socket);
        NamespacePortBridge bridge = new NamespacePortBridge(port);
        try {
            bridge.start(namespace.command(List.of(SOCAT, "UNIX-LISTEN:" + socket + ",fork,mode=600",
                    "TCP:127.0.0.1:" + port)), dir.resolve("bridge-inside.log"));
            Await.until("the bridge's socket " + socket, limit, () -> Files.exists(socket));
            bridge.start(List.of(SOCAT, "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                    "UNIX-CONNECT:" + socket), dir.resolve("bridge-outside.log"));
            Await.until("the bridge listening on 127.0.0.1:" + port, limit,
                    () -> ProcessHost.LOCAL.tcpOpen("127.0.0.1", port));
            return bridge;
        } catch (IOException | RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    private void start(List<String> command, Path log) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    public int port() {
        return port;
    }

    /** Stops both relays and the connections they forked. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
