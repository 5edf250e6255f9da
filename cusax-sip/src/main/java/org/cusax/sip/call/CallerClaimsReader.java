package org.cusax.sip.call;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sip.address.Address;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

import org.cusax.core.call.CallerClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what an incoming INVITE says about its caller into {@link CallerClaims}: From (RFC 3261 §20.20),
 * P-Asserted-Identity (RFC 3325 §9.1) with whether the request came from the trusted proxy,
 * {@code Call-Info: <xmpp:…>;purpose=impp} (RFC 6993, RFC 7081 §5) and {@code xmpp:} URIs in Contact
 * (draft-ivov-xmpp-cusax-02 §5). Header values are read from their text, so a header the stack does not
 * model (or models loosely) is read the same way. Never throws on odd headers: they are skipped.
 */
public final class CallerClaimsReader {
    private static final Logger LOG = LoggerFactory.getLogger(CallerClaimsReader.class);
    static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";

    private final ProxyTrust trust;

    /** @param trustedProxy the addresses of the proxy whose P-Asserted-Identity is believed on its address alone */
    public CallerClaimsReader(Set<InetAddress> trustedProxy) {
        this(ProxyTrust.byAddress(trustedProxy));
    }

    /** @param trust whose P-Asserted-Identity is believed, over which connection */
    public CallerClaimsReader(ProxyTrust trust) {
        this.trust = trust;
    }

    /** A reader that believes no P-Asserted-Identity. */
    public static CallerClaimsReader trustingNobody() {
        return new CallerClaimsReader(Set.of());
    }

    public CallerClaims read(Request invite) {
        return read(invite, sourceOf(invite), transportOf(invite));
    }

    /** @param source where the request came from (the last hop), if known */
    CallerClaims read(Request invite, Optional<InetAddress> source) {
        return read(invite, source.map(a -> new InetSocketAddress(a, 0)), "UDP");
    }

    /**
     * @param source    where the request came from (the last hop), if known
     * @param transport the transport it arrived over (the top Via, aligned to the arrival transport)
     */
    CallerClaims read(Request invite, Optional<InetSocketAddress> source, String transport) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        Address fromAddress = from.getAddress();
        String displayName = fromAddress.getDisplayName() == null ? "" : fromAddress.getDisplayName();
        List<String> pai = new ArrayList<>();
        for (String value : values(invite, P_ASSERTED_IDENTITY)) {
            for (Entry e : entries(value)) {
                pai.add(e.uri());
            }
        }
        Optional<String> distrust = trust.distrust(source, transport);
        boolean trusted = distrust.isEmpty();
        if (!pai.isEmpty() && !trusted) {
            LOG.info("P-Asserted-Identity ignored: {}", distrust.get());
        }
        List<String> callInfo = new ArrayList<>();
        for (String value : values(invite, "Call-Info")) {
            for (Entry e : entries(value)) {
                if (isXmpp(e.uri()) && "impp".equalsIgnoreCase(e.param("purpose"))) {
                    callInfo.add(e.uri());
                }
            }
        }
        List<String> contactXmpp = new ArrayList<>();
        for (String value : values(invite, "Contact")) {
            for (Entry e : entries(value)) {
                if (isXmpp(e.uri())) {
                    contactXmpp.add(e.uri());
                }
            }
        }
        return new CallerClaims(fromAddress.getURI().toString(), displayName, pai, trusted, callInfo, contactXmpp);
    }

    private static boolean isXmpp(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("xmpp:");
    }

    private static Optional<InetSocketAddress> sourceOf(Request r) {
        if (r instanceof gov.nist.javax.sip.message.SIPMessage m) {
            InetAddress a = m.getRemoteAddress() != null ? m.getRemoteAddress() : m.getPeerPacketSourceAddress();
            int port = m.getRemoteAddress() != null ? m.getRemotePort() : m.getPeerPacketSourcePort();
            return a == null ? Optional.empty() : Optional.of(new InetSocketAddress(a, Math.max(port, 0)));
        }
        return Optional.empty();
    }

    private static String transportOf(Request r) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) r.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null ? "" : via.getTransport();
    }

    /** The text values of every header with this name (after "Name:"). */
    private static List<String> values(Request r, String name) {
        List<String> out = new ArrayList<>();
        ListIterator<?> it = r.getHeaders(name);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String text = h instanceof Header ? h.toString() : String.valueOf(h);
            int colon = text.indexOf(':'); // a header's text is "Name: value" (or the compact "m: value")
            if (colon > 0 && text.substring(0, colon).strip().matches("[A-Za-z-]+")) {
                text = text.substring(colon + 1);
            }
            out.add(text.strip());
        }
        return out;
    }

    /** One element of a comma-separated header value: a URI and its header parameters. */
    record Entry(String uri, String params) {
        String param(String name) {
            for (String p : params.split(";")) {
                int eq = p.indexOf('=');
                String key = (eq < 0 ? p : p.substring(0, eq)).strip();
                if (key.equalsIgnoreCase(name)) {
                    return eq < 0 ? "" : p.substring(eq + 1).strip().replace("\"", "");
                }
            }
            return null;
        }
    }

    /**
     * Splits {@code "Bob" <sip:b@x>;p=1, <tel:+1…>} into entries; commas inside quotes or angle brackets
     * do not split. An entry without angle brackets is an addr-spec whose parameters follow ';'.
     */
    static List<Entry> entries(String value) {
        List<Entry> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                entry(cur.toString()).ifPresent(out::add);
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        entry(cur.toString()).ifPresent(out::add);
        return out;
    }

    private static Optional<Entry> entry(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("*")) {
            return Optional.empty();
        }
        int lt = t.indexOf('<');
        int gt = lt < 0 ? -1 : t.indexOf('>', lt);
        if (lt >= 0 && gt > lt) {
            String uri = t.substring(lt + 1, gt).strip();
            return uri.isEmpty() ? Optional.empty() : Optional.of(new Entry(uri, t.substring(gt + 1)));
        }
        int semi = t.indexOf(';');
        if (semi == 0) {
            return Optional.empty(); // parameters without a URI (";;;", found by CallerClaimsFuzzTest)
        }
        return Optional.of(semi < 0 ? new Entry(t, "") : new Entry(t.substring(0, semi).strip(), t.substring(semi)));
    }
}
