package org.cusax.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.TooManyListenersException;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running JAIN-SIP stack with its single listening point and provider, plus the factories to
 * build messages. Created by {@link #open}, released by {@link #close}.
 */
public final class SipEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);

    private final EndpointConfig config;
    private final SipStack stack;
    private final ListeningPoint listeningPoint;
    private final SipProvider provider;
    private final AddressFactory addressFactory;
    private final HeaderFactory headerFactory;
    private final MessageFactory messageFactory;
    private final SipListener listener;

    private SipEndpoint(EndpointConfig config, SipStack stack, ListeningPoint lp, SipProvider provider,
                        SipListener listener, SipFactory factory) throws PeerUnavailableException {
        this.config = config;
        this.listener = listener;
        this.stack = stack;
        this.listeningPoint = lp;
        this.provider = provider;
        this.addressFactory = factory.createAddressFactory();
        this.headerFactory = factory.createHeaderFactory();
        this.messageFactory = factory.createMessageFactory();
    }

    /** Starts a stack listening on the configured local address and port. */
    public static SipEndpoint open(EndpointConfig config, SipListener listener) throws SipSetupException {
        SipStack stack;
        try {
            stack = NistStack.create(StackProperties.of(config), config.tls().orElse(null), config.flows(),
                    (int) config.connectTimeout().toMillis(), config.maxMessageSize());
        } catch (PeerUnavailableException e) {
            throw new SipSetupException("cannot create the SIP stack: " + e.getMessage(), e);
        }
        try {
            ListeningPoint lp = listen(stack, config);
            SipProvider provider = stack.createSipProvider(lp);
            provider.addSipListener(listener);
            stack.start();
            SipEndpoint endpoint = new SipEndpoint(config, stack, lp, provider, listener, SipFactory.getInstance());
            LOG.debug("SIP stack {} listening on {}:{}/{}", config.stackName(), lp.getIPAddress(), lp.getPort(),
                    lp.getTransport());
            return endpoint;
        } catch (InvalidArgumentException | TooManyListenersException | javax.sip.SipException e) {
            NistStack.stop(stack, null);
            throw new SipSetupException("cannot listen on " + config.localAddress().getHostAddress() + ":"
                    + config.localPort() + " (" + config.transport().lowerName() + "): " + e.getMessage(), e);
        }
    }

    private static ListeningPoint listen(SipStack stack, EndpointConfig config)
            throws InvalidArgumentException, javax.sip.SipException {
        String ip = config.localAddress().getHostAddress();
        String transport = config.transport().lowerName();
        if (config.localPort() != 0) {
            return stack.createListeningPoint(ip, config.localPort(), transport);
        }
        javax.sip.SipException last = null;
        for (int i = 0; i < 5; i++) {
            try {
                return stack.createListeningPoint(ip, FreePorts.pick(config.transport(), config.localAddress()),
                        transport);
            } catch (IOException e) {
                last = new javax.sip.SipException("no free local port: " + e.getMessage(), e);
            } catch (javax.sip.SipException e) {
                last = e; // taken in between: try another one
            }
        }
        throw last;
    }

    /**
     * The local end of our connection to the server, opening it if needed (TCP/TLS); for UDP the
     * listening point itself.
     */
    public InetSocketAddress connectToServer() throws IOException {
        if (config.transport() == Transport.UDP) {
            return new InetSocketAddress(config.localAddress(), listeningPoint.getPort());
        }
        InetSocketAddress local = NistStack.connectionTo(stack, config.transport(), config.server(),
                config.localAddress());
        if (config.flows().byLocal(local).isEmpty()) {
            // The stack still caches a socket that has closed (it only forgets one when its reader sees the
            // close, or a write fails). A ping makes it notice and open a fresh connection.
            try {
                NistStack.heartbeat(listeningPoint, config.server());
            } catch (IOException e) {
                LOG.debug("ping over a stale connection failed: {}", e.getMessage());
            }
            local = NistStack.connectionTo(stack, config.transport(), config.server(), config.localAddress());
            if (config.flows().byLocal(local).isEmpty()) {
                throw new IOException("the connection to the SIP server closed while connecting");
            }
        }
        return local;
    }

    /** Sends a double-CRLF keepalive ping to the server over the current connection (TCP/TLS). */
    public void ping() throws IOException {
        NistStack.heartbeat(listeningPoint, config.server());
    }

    public SipProvider provider() {
        return provider;
    }

    public ListeningPoint listeningPoint() {
        return listeningPoint;
    }

    public AddressFactory addresses() {
        return addressFactory;
    }

    public HeaderFactory headers() {
        return headerFactory;
    }

    public MessageFactory messages() {
        return messageFactory;
    }

    public EndpointConfig config() {
        return config;
    }

    public FlowMonitor flows() {
        return config.flows();
    }

    @Override
    public void close() {
        provider.removeSipListener(listener);
        NistStack.stop(stack, provider);
    }
}
