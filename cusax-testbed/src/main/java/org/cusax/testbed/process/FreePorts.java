package org.cusax.testbed.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1, never handed out twice by this JVM. A port is returned only if both a
 * TCP listener and a UDP socket can bind it at that moment, so it suits every SIP transport.
 * <p>
 * Ports come from below the kernel's ephemeral range ({@code net.ipv4.ip_local_port_range}), never from it: a
 * server killed and restarted on a port of that range can find it taken meanwhile as the source port of an
 * outgoing connection, even by a client reconnecting to that very port (TCP connects to itself when the kernel
 * picks the destination port as its source; a full run lost Kamailio's restart to that). Where the ephemeral range
 * leaves no room below it, the kernel's choice is taken as before.
 */
public final class FreePorts {
    /** Lowest port handed out: clear of the well-known and most registered service ports. */
    static final int LOWEST = 10_000;

    private static final Set<Integer> GIVEN = new HashSet<>();
    private static final int EPHEMERAL_LOW = ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

    private FreePorts() {
    }

    /** A port on 127.0.0.1 free for TCP and UDP right now. */
    public static int next() {
        return block(1);
    }

    /**
     * The first of {@code count} consecutive ports on 127.0.0.1, each free for TCP and UDP right now and none
     * handed out before: for a program that binds a port and the ones after it (sipp's {@code -mp}: audio RTP
     * there, video RTP two above).
     */
    public static synchronized int block(int count) {
        if (count < 1 || count > 16) {
            throw new IllegalArgumentException("a block of 1 to 16 ports, not " + count);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int room = EPHEMERAL_LOW - count - LOWEST;
        for (int attempt = 0; attempt < 200; attempt++) {
            int base;
            if (room > 0) {
                base = LOWEST + ThreadLocalRandom.current().nextInt(room);
            } else {
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.setReuseAddress(false);
                    tcp.bind(new InetSocketAddress(loopback, 0));
                    base = tcp.getLocalPort();
                } catch (IOException e) {
                    continue;
                }
            }
            if (base + count - 1 <= 65_535 && allFree(loopback, base, count)) {
                for (int p = base; p < base + count; p++) {
                    GIVEN.add(p);
                }
                return base;
            }
        }
        throw new UncheckedIOException(new IOException("no " + count + " free consecutive ports found on 127.0.0.1"));
    }

    /** The first port of the kernel's ephemeral range as {@code file} gives it; 32768 (Linux's default) if unreadable. */
    static int ephemeralLow(Path file) {
        // a line read as a stream: procfs gives the file's size as 0, and Files.readString trusting it read "3"
        try (var reader = Files.newBufferedReader(file)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** True if ports {@code base} .. {@code base + count - 1} were never handed out and bind for TCP and UDP now. */
    static synchronized boolean allFree(InetAddress loopback, int base, int count) {
        for (int port = base; port < base + count; port++) {
            if (GIVEN.contains(port)) {
                return false;
            }
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(loopback, port));
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    // both bound: free right now
                }
            } catch (IOException e) {
                return false; // taken for TCP or UDP (or a transient failure)
            }
        }
        return true;
    }
}
