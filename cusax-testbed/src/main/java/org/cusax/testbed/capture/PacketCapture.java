package org.cusax.testbed.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cusax.testbed.process.Command;
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

    /**
     * The values of {@code fields} (tshark field names, e.g. {@code rtp.p_type}) of every packet
     * matching {@code displayFilter}, UDP being decoded as RTP where it looks like RTP. The heuristics go
     * before the dissectors registered on UDP port numbers: a media port is any free port, and one that a
     * dissector claims (baresip's RTP on port 12002 was decoded as LLC, 0 RTP packets) would hide the stream.
     */
    public List<List<String>> fields(String displayFilter, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(),
                "-o", "rtp.heuristic_rtp:TRUE", "-o", "udp.try_heuristic_first:TRUE", "-Y", displayFilter,
                "-T", "fields", "-E", "separator=\t"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        String out = Command.of(cmd).timeout(Duration.ofSeconds(60)).runOk();
        List<List<String>> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !line.startsWith("Running as user")) {
                rows.add(List.of(line.split("\t", -1)));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        process.stop();
    }
}
