package org.cusax.testbed.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.cusax.testbed.process.ProcessHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3550 §5.1 packets captured on the loopback are read back as RTP whatever their UDP ports: a media port
 * is any free port, and port 12002 (which Wireshark's dissectors give to LLC) once hid baresip's whole stream
 * from a test.
 */
class PacketCaptureTest {
    private static final int CLAIMED_PORT = 12002;
    private static final int SENT = 100;

    @Test
    void rtpFromAPortADissectorClaimsIsStillRtp(@TempDir Path dir) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        DatagramSocket from;
        try {
            from = new DatagramSocket(new InetSocketAddress(lo, CLAIMED_PORT));
        } catch (IOException taken) {
            assumeTrue(false, "port " + CLAIMED_PORT + " is taken on this machine");
            return;
        }
        try (from; DatagramSocket to = new DatagramSocket(new InetSocketAddress(lo, 0));
             PacketCapture wire = PacketCapture.start(ProcessHost.LOCAL, dir.resolve("rtp.pcapng"))) {
            // 20 ms apart, as a call sends them, for two seconds: the capture may have started a moment late
            for (int seq = 0; seq < SENT; seq++) {
                byte[] packet = pcmu(seq);
                from.send(new DatagramPacket(packet, packet.length, lo, to.getLocalPort()));
                Thread.sleep(20);
            }
            wire.stop();
            List<List<String>> udp = wire.fields("udp.srcport == " + CLAIMED_PORT, "frame.protocols");
            List<List<String>> rtp = wire.fields("rtp.p_type == 0 && udp.srcport == " + CLAIMED_PORT, "rtp.seq");
            assertThat(udp).as("datagrams captured from port %d", CLAIMED_PORT).hasSizeGreaterThanOrEqualTo(SENT / 2);
            assertThat(rtp).as("of them decoded as PCMU (every datagram's protocols: %s)", udp).hasSameSizeAs(udp);
        }
    }

    /** Version 2, PCMU (payload type 0), sequence {@code seq}, 20 ms of mu-law silence. */
    private static byte[] pcmu(int seq) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) 0xFF);
        return ByteBuffer.allocate(12 + payload.length).put((byte) 0x80).put((byte) 0).putShort((short) seq)
                .putInt(seq * 160).putInt(0x1234ABCD).put(payload).array();
    }
}
