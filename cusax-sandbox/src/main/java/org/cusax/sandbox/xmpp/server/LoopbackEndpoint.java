package org.cusax.sandbox.xmpp.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.vysper.mina.XmppIoHandlerAdapter;
import org.apache.vysper.xmpp.server.Endpoint;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;

/**
 * A client-to-server TCP endpoint bound to one address (Vysper's {@code TCPEndpoint} binds every
 * interface) and able to take a free port ({@code 0}) and tell which one it got. Unlike Vysper's, it
 * has no stanza-logging filter, which would log SASL payloads, and it answers the client's end of
 * stream ({@link StreamEndFilter}).
 */
public final class LoopbackEndpoint implements Endpoint {
    private final InetAddress address;
    private final int requestedPort;
    private ServerRuntimeContext context;
    private NioSocketAcceptor acceptor;

    public LoopbackEndpoint(InetAddress address, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad port: " + port);
        }
        this.address = address;
        this.requestedPort = port;
    }

    @Override
    public void setServerRuntimeContext(ServerRuntimeContext serverRuntimeContext) {
        this.context = serverRuntimeContext;
    }

    @Override
    public synchronized void start() throws IOException {
        NioSocketAcceptor a = new NioSocketAcceptor();
        DefaultIoFilterChainBuilder chain = new DefaultIoFilterChainBuilder();
        chain.addLast("streamEnd", new StreamEndFilter());
        chain.addLast("xmppCodec", new ProtocolCodecFilter(new SerializedXmppCodec()));
        a.setFilterChainBuilder(chain);
        XmppIoHandlerAdapter handler = new XmppIoHandlerAdapter();
        handler.setServerRuntimeContext(context);
        a.setHandler(handler);
        a.setReuseAddress(true);
        try {
            a.bind(new InetSocketAddress(address, requestedPort));
        } catch (IOException | RuntimeException e) {
            a.dispose();
            throw e;
        }
        acceptor = a;
    }

    /** The port actually bound. */
    public synchronized int port() {
        if (acceptor == null) {
            throw new IllegalStateException("not started");
        }
        return acceptor.getLocalAddress().getPort();
    }

    @Override
    public synchronized void stop() {
        if (acceptor != null) {
            acceptor.unbind();
            // Close the connections that are still open, then release the I/O threads.
            acceptor.getManagedSessions().values().forEach(s -> s.close(true));
            acceptor.dispose();
            acceptor = null;
        }
    }
}
