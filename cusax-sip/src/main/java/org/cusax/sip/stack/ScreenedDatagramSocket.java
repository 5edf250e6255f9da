package org.cusax.sip.stack;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;

/**
 * A UDP socket that discards every datagram larger than the configured SIP message size before the
 * stack parses it (JAIN-SIP's MAX_MESSAGE_SIZE only bounds the body of a UDP message, so a huge header
 * block would otherwise be parsed and answered), and answers statelessly what {@link DatagramScreen}
 * refuses (wrong SIP version, conflicting Content-Length).
 */
final class ScreenedDatagramSocket extends DatagramSocket {
    private static final int MAX_DATAGRAM = 65_535;
    private final int maxMessageSize;
    private volatile long discarded;

    ScreenedDatagramSocket(int port, InetAddress bindAddress, int maxMessageSize) throws SocketException {
        super(port, bindAddress);
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Receives into a buffer of the largest possible datagram (JAIN-SIP's own buffer may be no larger than
     * the limit, and the kernel truncates silently: a cut-off header block would then be parsed), discards
     * what exceeds the limit, and copies the rest into the caller's packet.
     */
    @Override
    public synchronized void receive(DatagramPacket packet) throws IOException {
        byte[] full = new byte[MAX_DATAGRAM];
        DatagramPacket in = new DatagramPacket(full, full.length);
        while (true) {
            super.receive(in);
            int length = in.getLength();
            int room = packet.getData().length - packet.getOffset();
            boolean fits = (maxMessageSize <= 0 || length <= maxMessageSize) && length <= room;
            java.util.Optional<byte[]> refusal = fits ? DatagramScreen.refusal(full, length)
                    .or(() -> MalformedRequestScreen.badRequest(full, 0, length)) : java.util.Optional.empty();
            if (refusal.isPresent()) {
                send(new DatagramPacket(refusal.get(), refusal.get().length, in.getSocketAddress()));
            } else if (fits) {
                System.arraycopy(full, 0, packet.getData(), packet.getOffset(), length);
                packet.setLength(length);
                packet.setSocketAddress(in.getSocketAddress());
                return;
            }
            discarded++;
            in.setLength(full.length);
        }
    }

    /** How many over-size datagrams were discarded. */
    long discarded() {
        return discarded;
    }
}
