package org.cusax.media.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RTP socket on an even port and the RTCP socket on the next one (RFC 3550 §11). */
final class RtpSockets implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpSockets.class);
    private static final int ATTEMPTS = 64;

    final DatagramSocket rtp;
    final DatagramSocket rtcp;

    private RtpSockets(DatagramSocket rtp, DatagramSocket rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /** Binds {@code port} and {@code port + 1}; port 0 picks a free even/odd pair. */
    static RtpSockets bind(InetAddress address, int port) throws IOException {
        if (port < 0 || port > 65534 || (port != 0 && port % 2 != 0)) {
            throw new IllegalArgumentException("RTP port must be 0 or even and below 65535, got " + port);
        }
        if (port != 0) {
            DatagramSocket rtp = open(address, port);
            try {
                return new RtpSockets(rtp, open(address, port + 1));
            } catch (IOException e) {
                rtp.close();
                throw new BindException("RTCP port " + (port + 1) + " on " + address.getHostAddress() + " is in use");
            }
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            DatagramSocket rtp = open(address, 0);
            int p = rtp.getLocalPort();
            if (p % 2 == 0 && p < 65535) {
                try {
                    return new RtpSockets(rtp, open(address, p + 1));
                } catch (IOException e) {
                    // RTCP port taken: try another pair.
                }
            }
            rtp.close();
        }
        throw new BindException("no free even/odd UDP port pair on " + address.getHostAddress() + " after "
                + ATTEMPTS + " attempts");
    }

    private static DatagramSocket open(InetAddress address, int port) throws SocketException {
        DatagramSocket s = new DatagramSocket(null);
        try {
            s.setReuseAddress(false);
            s.setReceiveBufferSize(256 * 1024);
            s.bind(new InetSocketAddress(address, port));
            return s;
        } catch (SocketException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }

    /** Sends one datagram; false (logged at DEBUG) when there is nowhere to send to or the send failed. */
    static boolean transmit(DatagramSocket socket, byte[] bytes, InetSocketAddress to) {
        if (to == null || to.getPort() == 0 || to.getAddress().isAnyLocalAddress()) {
            return false;
        }
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            return true;
        } catch (IOException e) {
            LOG.debug("send to {} failed: {}", to, e.toString());
            return false;
        }
    }
}
