package org.cusax.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free ports on 127.0.0.1: a block of consecutive ports is free for TCP and UDP at every port (sipp binds its
 * {@code -mp} and two above: a full run failed when that one was another sipp's SIP port), a port taken for TCP or
 * UDP or handed out before makes a block unfit, no port is handed out twice, alone or in a block, and every one
 * lies below the kernel's ephemeral range.
 */
class FreePortsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everyPortOfABlockBindsForTcpAndUdp() throws Exception {
        int base = FreePorts.block(4);
        for (int port = base; port < base + 4; port++) {
            try (ServerSocket tcp = new ServerSocket();
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                tcp.bind(new InetSocketAddress(LOOPBACK, port));
                assertThat(udp.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void noPortIsHandedOutTwiceAloneOrInABlock() throws Exception {
        List<Integer> given = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int single = FreePorts.next();
            int base = FreePorts.block(4);
            given.add(single);
            for (int p = base; p < base + 4; p++) {
                given.add(p);
            }
        }
        for (int p : given) {
            assertThat(seen.add(p)).as("port %d handed out once", p).isTrue();
        }
        int base = given.get(given.size() - 1) - 3;
        assertThat(FreePorts.allFree(LOOPBACK, base, 4)).as("handed out already").isFalse();
    }

    @Test
    void aPortTakenForUdpOrTcpMakesABlockUnfit() throws Exception {
        int udpPort;
        try (DatagramSocket held = udpOnly()) {
            udpPort = held.getLocalPort();
            assertThat(FreePorts.allFree(LOOPBACK, udpPort, 1)).as("UDP taken").isFalse();
        }
        assertThat(FreePorts.allFree(LOOPBACK, udpPort, 1)).as("the same port, released").isTrue();
        int tcpPort;
        try (ServerSocket held = tcpOnly()) {
            tcpPort = held.getLocalPort();
            assertThat(FreePorts.allFree(LOOPBACK, tcpPort, 1)).as("TCP taken").isFalse();
        }
        assertThat(FreePorts.allFree(LOOPBACK, tcpPort, 1)).as("the same port, released").isTrue();
    }

    /**
     * A UDP socket on a port the kernel chose whose number is free for TCP too: the kernel's ephemeral ports are
     * shared with every outgoing TCP connection of the machine, so the first one it gives may be a connection's
     * local port (seen in a full run: "the same port, released" was still taken for TCP).
     */
    private static DatagramSocket udpOnly() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(LOOPBACK, udp.getLocalPort()));
                return udp;
            } catch (IOException takenForTcp) {
                udp.close();
            }
        }
        throw new AssertionError("no UDP port whose number is free for TCP in 50 tries");
    }

    /** A TCP listener on a port the kernel chose whose number is free for UDP too (see {@link #udpOnly()}). */
    private static ServerSocket tcpOnly() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket tcp = new ServerSocket();
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(LOOPBACK, 0));
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return tcp;
            } catch (IOException takenForUdp) {
                tcp.close();
            }
        }
        throw new AssertionError("no TCP port whose number is free for UDP in 50 tries");
    }

    @Test
    void portsComeFromBelowTheEphemeralRangeSoNoOutgoingConnectionTakesThemMeanwhile(@TempDir Path dir)
            throws Exception {
        int low = FreePorts.ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        assertThat(low).as("this machine leaves room below its ephemeral range").isGreaterThan(FreePorts.LOWEST + 100);
        for (int i = 0; i < 100; i++) {
            assertThat(FreePorts.next()).isBetween(FreePorts.LOWEST, low - 1);
            int base = FreePorts.block(4);
            assertThat(base).isGreaterThanOrEqualTo(FreePorts.LOWEST);
            assertThat(base + 3).isLessThan(low);
        }
        Path range = dir.resolve("ip_local_port_range");
        Files.writeString(range, "32768\t60999\n");
        assertThat(FreePorts.ephemeralLow(range)).isEqualTo(32_768);
        Files.writeString(range, "1024 65535\n");
        assertThat(FreePorts.ephemeralLow(range)).isEqualTo(1024);
        assertThat(FreePorts.ephemeralLow(dir.resolve("missing"))).as("Linux's default").isEqualTo(32_768);
    }

    @Test
    void blocksAreOneToSixteenPorts() {
        assertThatThrownBy(() -> FreePorts.block(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FreePorts.block(17)).isInstanceOf(IllegalArgumentException.class);
    }
}
