package org.cusax.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Properties;

import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import gov.nist.javax.sip.ListeningPointExt;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.SipStackImpl;

import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.net.StackSockets;
import org.cusax.sip.tls.TlsPolicy;

/**
 * The one adapter onto JAIN-SIP's implementation classes ({@code gov.nist.*}): everything we need
 * beyond the {@code javax.sip} API goes through here.
 */
final class NistStack {
    private NistStack() {
    }

    /**
     * Creates the stack directly rather than through {@code SipFactory}, whose registry would keep
     * every stack of the JVM alive forever.
     */
    static SipStack create(Properties properties, TlsPolicy tls, FlowMonitor flows, int connectTimeoutMillis,
                           int maxMessageSize)
            throws PeerUnavailableException {
        SipStackImpl stack = new SipStackImpl(properties);
        if (!(stack.getNetworkLayer() instanceof PolicyNetworkLayer layer)) {
            stop(stack, null);
            throw new PeerUnavailableException("JAIN-SIP did not take our network layer");
        }
        layer.configure(tls, flows, connectTimeoutMillis, maxMessageSize);
        return stack;
    }

    /**
     * Opens (or finds) the stack's connection to {@code server} and returns its local end. For TLS the
     * handshake, and so our certificate checks, happen here.
     */
    static InetSocketAddress connectionTo(SipStack stack, Transport transport, InetSocketAddress server,
                                          InetAddress local) throws IOException {
        SipStackExt ext = (SipStackExt) stack;
        SocketAddress a = transport == Transport.TLS
                ? ext.getLocalAddressForTlsDst(server.getAddress(), server.getPort(), local)
                : ext.getLocalAddressForTcpDst(server.getAddress(), server.getPort(), local, 0);
        return (InetSocketAddress) a;
    }

    /**
     * Stops the stack and ends its event-scanner thread. JAIN-SIP 1.3.0-91 starts a non-daemon
     * "EventScannerThread" per stack and on stop only sets a flag while the thread stays blocked on
     * its queue: one leaked thread per stack, and a JVM that never exits. An empty event wakes it so
     * it sees the flag (a dialog-terminated event without a dialog, which it hands to no one once our listener is gone).
     * Then every socket the stop left open is closed (see {@link org.cusax.sip.net.StackSockets}): a
     * connection JAIN-SIP no longer tracks would otherwise keep its reader thread, and the peer's end, alive.
     */
    static void stop(SipStack stack, SipProvider provider) {
        SipStackImpl impl = (SipStackImpl) stack;
        StackSockets sockets = impl.getNetworkLayer() instanceof PolicyNetworkLayer layer ? layer.sockets()
                : new StackSockets(impl.getStackName());
        StackShutdown.stop(impl, sockets, provider);
    }

    /** Sends an RFC 5626 double-CRLF ping over the stack's connection to {@code server}. */
    static void heartbeat(ListeningPoint listeningPoint, InetSocketAddress server) throws IOException {
        ((ListeningPointExt) listeningPoint).sendHeartbeat(server.getAddress().getHostAddress(), server.getPort());
    }
}
