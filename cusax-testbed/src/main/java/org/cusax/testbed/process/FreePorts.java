package org.cusax.testbed.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free ports on 127.0.0.1, never handed out twice by this JVM. A port is returned only if both a
 * TCP listener and a UDP socket can bind it at that moment, so it suits every SIP transport.
 */
public final class FreePorts {

    private static final Set<Integer> GIVEN = new HashSet<>();

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
        for (int attempt = 0; attempt < 200; attempt++) {
            int base;
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(loopback, 0));
                base = tcp.getLocalPort();
            } catch (IOException e) {
                continue;
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
