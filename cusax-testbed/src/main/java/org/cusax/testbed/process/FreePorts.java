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
    public static synchronized int next() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port;
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(loopback, 0));
                port = tcp.getLocalPort();
                if (GIVEN.contains(port)) {
                    continue;
                }
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    GIVEN.add(udp.getLocalPort());
                    return port;
                }
            } catch (IOException e) {
                // taken for UDP (or a transient failure): try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port found on 127.0.0.1"));
    }
}
