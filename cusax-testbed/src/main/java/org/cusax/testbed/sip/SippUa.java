package org.cusax.testbed.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cusax.testbed.process.ServerProcess;

/** A running sipp UA that answers OPTIONS and calls (see {@link Sipp#answeringUa(String)}). */
public final class SippUa implements AutoCloseable {

    private final ServerProcess process;
    private final String user;
    private final int port;
    private final Path messageLog;

    SippUa(ServerProcess process, String user, int port, Path messageLog) {
        this.process = process;
        this.user = user;
        this.port = port;
        this.messageLog = messageLog;
    }

    /** UDP port the UA listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The Contact URI to register for this UA: {@code sip:user@127.0.0.1:port}. */
    public String contact() {
        return "sip:" + user + "@127.0.0.1:" + port;
    }

    /** Every SIP message the UA sent and received so far. */
    public String messages() {
        try {
            return Files.exists(messageLog) ? Files.readString(messageLog, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until sipp has ended (e.g. after its one call) and returns its exit code; empty if still running after {@code limit}. */
    public java.util.OptionalInt awaitExit(java.time.Duration limit) {
        org.cusax.testbed.process.Waits.until(limit, () -> !process.isRunning());
        return process.exitCode();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public void close() {
        process.stop();
    }
}
