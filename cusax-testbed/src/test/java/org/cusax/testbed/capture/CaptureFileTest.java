package org.cusax.testbed.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3550 §5.1 packets in a capture are read back as RTP whatever their UDP ports: a media port is any free
 * port, and port 12002 (which one of Wireshark's dissectors registers, as LLC) once hid baresip's whole stream
 * from a test. The capture is written here (pcap, raw IPv4), so nothing depends on when a live capture starts.
 */
class CaptureFileTest {
    private static final int CLAIMED_PORT = 12002;
    private static final int PACKETS = 50;

    @Test
    void rtpFromAPortADissectorClaimsIsStillRtp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rtp.pcap");
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        pcap.write(le(24).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(101 /* LINKTYPE_RAW */).array());
        for (int seq = 0; seq < PACKETS; seq++) {
            byte[] packet = ipv4Udp(CLAIMED_PORT, 40000, pcmu(seq));
            pcap.write(le(16).putInt(seq).putInt(seq * 20_000).putInt(packet.length).putInt(packet.length).array());
            pcap.write(packet);
        }
        Files.write(file, pcap.toByteArray());

        CaptureFile capture = new CaptureFile(file);
        List<List<String>> udp = capture.fields("udp.srcport == " + CLAIMED_PORT, "frame.protocols");
        List<List<String>> rtp = capture.fields("rtp.p_type == 0 && udp.srcport == " + CLAIMED_PORT, "rtp.seq");
        assertThat(udp).as("datagrams from port %d", CLAIMED_PORT).hasSize(PACKETS);
        assertThat(rtp).as("of them decoded as PCMU (every datagram's protocols: %s)", udp).hasSize(PACKETS);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** 127.0.0.1:{@code from} → 127.0.0.1:{@code to}; no checksums (tshark does not check them by default). */
    private static byte[] ipv4Udp(int from, int to, byte[] payload) {
        int udpLength = 8 + payload.length;
        return ByteBuffer.allocate(20 + udpLength)
                .put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLength)).putInt(0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x7f000001).putInt(0x7f000001)
                .putShort((short) from).putShort((short) to).putShort((short) udpLength).putShort((short) 0)
                .put(payload).array();
    }

    /** Version 2, PCMU (payload type 0), sequence {@code seq}, 20 ms of mu-law silence. */
    private static byte[] pcmu(int seq) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) 0xFF);
        return ByteBuffer.allocate(12 + payload.length).put((byte) 0x80).put((byte) 0).putShort((short) seq)
                .putInt(seq * 160).putInt(0x1234ABCD).put(payload).array();
    }
}
