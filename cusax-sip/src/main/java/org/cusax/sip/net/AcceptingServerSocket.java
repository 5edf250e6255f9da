package org.cusax.sip.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A plain listener that registers each connection it accepts with its {@link StackSockets}. */
final class AcceptingServerSocket extends ServerSocket {
    private final StackSockets sockets;

    AcceptingServerSocket(StackSockets sockets, int port, int backlog, InetAddress bindAddress) throws IOException {
        super(port, backlog, bindAddress);
        this.sockets = sockets;
    }

    @Override
    public Socket accept() throws IOException {
        return sockets.add(super.accept());
    }
}
