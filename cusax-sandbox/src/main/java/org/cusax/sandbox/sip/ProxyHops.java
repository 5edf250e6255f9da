package org.cusax.sandbox.sip;

import java.text.ParseException;
import java.util.Locale;
import java.util.Set;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The proxy's view of hops (RFC 3261 §16.4–16.6): which URIs name us, our Route entries to pop, the
 * next hop and its transport, our Via and Record-Route, Max-Forwards, the branch that keys a transaction.
 */
final class ProxyHops {
    private final String domain;
    private final String host;
    private final Set<Integer> ports;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final AddressFactory addresses;

    ProxyHops(String domain, String host, Set<Integer> ports, SipProvider provider, HeaderFactory headers,
              AddressFactory addresses) {
        this.domain = domain;
        this.host = host;
        this.ports = Set.copyOf(ports);
        this.provider = provider;
        this.headers = headers;
        this.addresses = addresses;
    }

    /** Removes the Route entries that name us (§16.4), and undoes a strict-routing previous hop. */
    void popOwnRoutes(Request r) {
        if (isOurAddress(r.getRequestURI()) && r.getHeader(RouteHeader.NAME) != null) {
            // a strict router put our Record-Route into the Request-URI: the last Route is the real target
            java.util.List<RouteHeader> routes = new java.util.ArrayList<>();
            r.getHeaders(RouteHeader.NAME).forEachRemaining(h -> routes.add((RouteHeader) h));
            RouteHeader last = routes.remove(routes.size() - 1);
            r.setRequestURI(last.getAddress().getURI());
            r.removeHeader(RouteHeader.NAME);
            for (RouteHeader h : routes) {
                r.addHeader(h); // Route headers are appended in order
            }
        }
        while (r.getHeader(RouteHeader.NAME) instanceof RouteHeader top && isOurAddress(top.getAddress().getURI())) {
            r.removeFirst(RouteHeader.NAME);
        }
    }

    boolean addressedToUs(URI uri) {
        return isOurAddress(uri);
    }

    /** A URI without a user naming our domain or one of our listeners: a Route or Record-Route of ours. */
    private boolean isOurAddress(URI uri) {
        return uri instanceof SipURI s && s.getUser() == null && pointsAtUs(s);
    }

    /** Whether the URI's host part is our domain or one of our listeners (any user part). */
    boolean pointsAtUs(URI uri) {
        if (!(uri instanceof SipURI s)) {
            return false;
        }
        return domain.equalsIgnoreCase(s.getHost())
                || host.equals(s.getHost()) && (s.getPort() <= 0 ? ports.contains(5060) : ports.contains(s.getPort()));
    }

    /**
     * Whether the next hop (top Route, else Request-URI) is a loopback address literal: the sandbox
     * never sends anywhere else, so it can be no relay off this machine and does no DNS look-ups.
     */
    static boolean nextHopIsLocal(Request r) {
        URI next = r.getHeader(RouteHeader.NAME) instanceof RouteHeader route ? route.getAddress().getURI()
                : r.getRequestURI();
        if (!(next instanceof SipURI s) || s.getHost() == null) {
            return false;
        }
        String h = s.getHost();
        return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.equals("[::1]") || h.equals("::1");
    }

    String nextHopTransport(Request r) {
        URI next = r.getHeader(RouteHeader.NAME) instanceof RouteHeader route ? route.getAddress().getURI()
                : r.getRequestURI();
        if (next instanceof SipURI s) {
            if (s.isSecure()) {
                return ListeningPoint.TLS.toLowerCase(Locale.ROOT);
            }
            String t = s.getTransportParam();
            return t == null ? "udp" : t.toLowerCase(Locale.ROOT);
        }
        return "udp";
    }

    RecordRouteHeader recordRoute(String transport) throws ParseException {
        ListeningPoint lp = provider.getListeningPoint(transport);
        SipURI uri = addresses.createSipURI(null, host);
        uri.setPort(lp.getPort());
        uri.setTransportParam(transport);
        uri.setLrParam();
        Address a = addresses.createAddress(uri);
        return headers.createRecordRouteHeader(a);
    }

    ViaHeader via(ListeningPoint lp, String transport) throws ParseException {
        try {
            ViaHeader via = headers.createViaHeader(host, lp.getPort(), transport, Replies.branch());
            via.setRPort();
            return via;
        } catch (javax.sip.InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    static void decrementMaxForwards(Request r) throws ParseException {
        MaxForwardsHeader mf = (MaxForwardsHeader) r.getHeader(MaxForwardsHeader.NAME);
        try {
            if (mf == null) {
                r.setHeader(new gov.nist.javax.sip.header.MaxForwards(70));
            } else {
                mf.decrementMaxForwards();
            }
        } catch (javax.sip.InvalidArgumentException | javax.sip.header.TooManyHopsException e) {
            throw new ParseException("Max-Forwards: " + e.getMessage(), 0);
        }
    }

    static String topBranch(Request r) {
        ViaHeader via = (ViaHeader) r.getHeader(ViaHeader.NAME);
        return via.getBranch() + "|" + via.getHost() + ":" + via.getPort();
    }
}
