package org.cusax.testbed.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;
import org.cusax.testbed.process.Waits;

/**
 * A tshark capture of UDP on the loopback interface of a {@link ProcessHost} (meant for an isolated
 * namespace, where every packet on {@code lo} belongs to the test) into a pcapng file, read back
 * with display filters after {@link #stop()}. UDP is decoded as RTP heuristically, so SRTP packets
 * show as RTP whose payload is ciphertext followed by the authentication tag.
 */
public final class PacketCapture implements AutoCloseable {

    private final Path file;
    private final ServerProcess process;

    private PacketCapture(Path file, ServerProcess process) {
        this.file = file;
        this.process = process;
    }

    /** Starts capturing UDP on {@code lo} of {@code host} into {@code file}; returns once capturing. */
    public static PacketCapture start(ProcessHost host, Path file) {
        PackageInstaller.ensure(PackageInstaller.TSHARK);
        Path log = file.resolveSibling(file.getFileName() + ".log");
        ServerProcess p = new ServerProcess("tshark",
                host.command(List.of("tshark", "-q", "-n", "-i", "lo", "-f", "udp", "-w", file.toString())),
                Map.of(), file.getParent(), log, List.of());
        p.start(Duration.ofSeconds(30), () -> {
            try {
                return Files.exists(log) && Files.readString(log).contains("Capturing on");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        PacketCapture c = new PacketCapture(file, p);
        // tshark says "Capturing on" just before the capture loop runs; give it that moment
        Waits.until(Duration.ofMillis(500), () -> false);
        return c;
    }

    /** Ends the capture (SIGTERM lets tshark write out its buffers). */
    public void stop() {
        process.stop();
    }

    public Path file() {
        return file;
    }

    /** What the capture holds, read back with tshark ({@link CaptureFile#fields}); after {@link #stop()}. */
    public List<List<String>> fields(String displayFilter, String... fields) {
        return new CaptureFile(file).fields(displayFilter, fields);
    }

    @Override
    public void close() {
        process.stop();
    }
}
