package org.cusax.sandbox.sip;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;

/**
 * The next hop of the sandbox proxy's requests (RFC 3261 §16.6 step 7 / §8.1.2), with TCP and TLS
 * clients reached over the connection they opened even when their Contact names their listening
 * port rather than that connection's port (baresip/libre, for one). As the production Kamailio does
 * with {@code fix_nated_register} / {@code set_contact_alias}: each request that arrives over TCP or
 * TLS maps its Contact's address to where it really came from (the {@code received}/{@code rport} the
 * stack writes into its top Via, RFC 3581), and a next hop that is such a Contact goes to that
 * address instead, where the stack finds the open connection. The message itself is not changed.
 * Made by JAIN-SIP from {@code javax.sip.ROUTER_PATH}; {@link #learn} is fed by the proxy.
 */
public final class ConnectionAliasRouter extends DefaultRouter {
    /** Enough for any sandbox; past it the oldest knowledge is dropped (clients re-register). */
    private static final int MAX_ALIASES = 4096;

    private final Map<String, Hop> aliases = new ConcurrentHashMap<>();

    public ConnectionAliasRouter(SipStack stack, String outboundProxy) {
        super(stack, outboundProxy);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop hop = super.getNextHop(request);
        if (hop == null) {
            return null;
        }
        Hop alias = aliases.get(key(hop.getTransport(), hop.getHost(), hop.getPort()));
        return alias != null ? alias : hop;
    }

    /** Remembers where the sender of {@code request} is if it came over TCP/TLS from another port than its Contact's. */
    void learn(Request request) {
        if (!(request.getHeader(ViaHeader.NAME) instanceof ViaHeader via)
                || !(request.getHeader(ContactHeader.NAME) instanceof ContactHeader contact)
                || !(contact.getAddress().getURI() instanceof SipURI uri) || uri.getHost() == null) {
            return;
        }
        String transport = via.getTransport().toLowerCase(Locale.ROOT);
        if (!transport.equals("tcp") && !transport.equals("tls")) {
            return;
        }
        String contactTransport = uri.isSecure() ? "tls"
                : uri.getTransportParam() == null ? "udp" : uri.getTransportParam().toLowerCase(Locale.ROOT);
        String sourceHost = via.getReceived() != null ? via.getReceived() : via.getHost();
        int sourcePort = via.getRPort() > 0 ? via.getRPort() : via.getPort();
        if (!contactTransport.equals(transport) || sourceHost == null || sourcePort <= 0) {
            return;
        }
        int contactPort = uri.getPort() > 0 ? uri.getPort() : transport.equals("tls") ? 5061 : 5060;
        if (uri.getHost().equals(sourceHost) && contactPort == sourcePort) {
            aliases.remove(key(transport, uri.getHost(), contactPort));
            return;
        }
        if (aliases.size() >= MAX_ALIASES) {
            aliases.clear();
        }
        aliases.put(key(transport, uri.getHost(), contactPort), new HopImpl(sourceHost, sourcePort, transport));
    }

    private static String key(String transport, String host, int port) {
        return transport.toLowerCase(Locale.ROOT) + ":" + host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
