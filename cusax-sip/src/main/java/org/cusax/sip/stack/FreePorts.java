package org.cusax.sip.stack;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.cusax.core.account.Transport;

/**
 * Finds a free local port: JAIN-SIP refuses port 0 for a listening point ("bad port"), so for
 * {@code sip.local.port = 0} we ask the system for one and hand that to the stack.
 */
final class FreePorts {
    private FreePorts() {
    }

    static int pick(Transport transport, InetAddress address) throws IOException {
        if (transport == Transport.UDP) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0))) {
                return s.getLocalPort();
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }
}
