package org.cusax.sip.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A plain listener that registers each connection it accepts with its {@link StackSockets}, and, when given
 * {@link RequestRefusals}, screens what arrives on it ({@link ScreenedConnection}).
 */
final class AcceptingServerSocket extends ServerSocket {
    private final StackSockets sockets;
    private final RequestRefusals refusals;
    private final int maxFrame;

    AcceptingServerSocket(StackSockets sockets, int port, int backlog, InetAddress bindAddress,
                          RequestRefusals refusals, int maxFrame) throws IOException {
        super(port, backlog, bindAddress);
        this.sockets = sockets;
        this.refusals = refusals;
        this.maxFrame = maxFrame;
    }

    @Override
    public Socket accept() throws IOException {
        if (refusals == null) {
            return sockets.add(super.accept());
        }
        ScreenedConnection connection = new ScreenedConnection(refusals, maxFrame);
        implAccept(connection);
        return sockets.add(connection);
    }
}
