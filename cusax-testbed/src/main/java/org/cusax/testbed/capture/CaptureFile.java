package org.cusax.testbed.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.PackageInstaller;

/** A capture file (pcap or pcapng) read back with tshark's display filters. */
public record CaptureFile(Path file) {

    /**
     * The values of {@code fields} (tshark field names, e.g. {@code rtp.p_type}) of every packet
     * matching {@code displayFilter}, UDP being decoded as RTP where it looks like RTP. The heuristics go
     * before the dissectors registered on UDP port numbers: a media port is any free port, and one that a
     * dissector claims (baresip's RTP on port 12002 was decoded as LLC, 0 RTP packets) would hide the stream.
     */
    public List<List<String>> fields(String displayFilter, String... fields) {
        PackageInstaller.ensure(PackageInstaller.TSHARK);
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
}
