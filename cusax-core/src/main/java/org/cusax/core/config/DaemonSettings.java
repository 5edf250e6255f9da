package org.cusax.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The daemon ({@code cusax serve}): where it keeps its lock, port and token, and the port it listens on.
 *
 * @param stateDir directory of the per-account lock and token files (created with mode 700)
 * @param port     HTTP/WebSocket port on 127.0.0.1; 0 = a free port chosen at start
 */
public record DaemonSettings(Path stateDir, int port) {
    public DaemonSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("daemon.port must be 0 to 65535: " + port);
        }
    }
}
