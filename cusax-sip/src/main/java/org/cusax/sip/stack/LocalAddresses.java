package org.cusax.sip.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Chooses the local address to bind and advertise. */
public final class LocalAddresses {
    private LocalAddresses() {
    }

    /**
     * The configured address, or (when empty) the address of the interface that routes to the server,
     * found by "connecting" a UDP socket, which sends nothing.
     */
    public static InetAddress choose(String configured, InetSocketAddress server) throws UnknownHostException {
        if (configured != null && !configured.isBlank()) {
            return InetAddress.getByName(configured.trim());
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(server);
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                return server.getAddress().isLoopbackAddress() ? server.getAddress() : InetAddress.getLocalHost();
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a local address that reaches " + server, e);
        }
    }
}
