package org.cusax.sip.registration;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

import org.cusax.core.account.Transport;

/**
 * Builds our REGISTER requests (RFC 3261 §10.2): Request-URI = the domain, To/From = the AOR, one
 * Call-ID and From tag for the client's life with increasing CSeq, Via with rport (RFC 3581), Contact
 * = our address, port and transport, plus Expires, Allow and User-Agent. Over TCP/TLS the Contact
 * carries the local port of the connection, so requests to us reuse it.
 */
public final class RegisterRequests {
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final ListeningPoint listeningPoint;
    private final Transport transport;
    private final SipURI aor;
    private final String displayName;
    private final String userAgent;
    private final java.util.function.Supplier<List<String>> allow;
    private final CallIdHeader callId;
    private final String fromTag;
    private long cseq;

    public RegisterRequests(AddressFactory addresses, HeaderFactory headers, MessageFactory messages,
                            ListeningPoint listeningPoint, Transport transport, SipURI aor, String displayName,
                            String userAgent, List<String> allow, CallIdHeader callId) {
        this(addresses, headers, messages, listeningPoint, transport, aor, displayName, userAgent, fixed(allow), callId);
    }

    private static java.util.function.Supplier<List<String>> fixed(List<String> allow) {
        List<String> copy = List.copyOf(allow);
        return () -> copy;
    }

    /** @param allow the methods for the Allow header, read for every REGISTER (feature switches change while running) */
    public RegisterRequests(AddressFactory addresses, HeaderFactory headers, MessageFactory messages,
                            ListeningPoint listeningPoint, Transport transport, SipURI aor, String displayName,
                            String userAgent, java.util.function.Supplier<List<String>> allow, CallIdHeader callId) {
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.listeningPoint = listeningPoint;
        this.transport = transport;
        this.aor = aor;
        this.displayName = displayName;
        this.userAgent = userAgent;
        this.allow = allow;
        this.callId = callId;
        byte[] tag = new byte[8];
        new SecureRandom().nextBytes(tag);
        this.fromTag = HexFormat.of().formatHex(tag);
    }

    /** Parses the account's address-of-record; it must be a sip: URI with a user part. */
    public static SipURI parseAor(AddressFactory addresses, String aor) {
        URI uri;
        try {
            uri = addresses.createURI(aor.trim());
        } catch (ParseException e) {
            throw new IllegalArgumentException("the SIP address '" + aor + "' is not a valid SIP URI");
        }
        if (!(uri instanceof SipURI sip) || sip.getUser() == null || sip.getUser().isBlank()) {
            throw new IllegalArgumentException("the SIP address '" + aor + "' must look like sip:user@domain");
        }
        return sip;
    }

    /**
     * The display name as the inside of an RFC 3261 §25.1 quoted-string: JAIN-SIP's {@code setDisplayName}
     * writes it between quotes as given, so a quote or a line break in it would end the header and start
     * another (issue 14: a provisioned {@code sip.display-name} must not inject headers). Backslash and quote
     * become quoted-pairs; control characters, which a quoted-string cannot carry, become spaces.
     */
    static String quotedStringContent(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.strip().toCharArray()) {
            if (c == '\\' || c == '"') {
                b.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Our Contact URI for a connection whose local end is {@code local}. */
    public SipURI contactUri(InetSocketAddress local) {
        try {
            SipURI c = addresses.createSipURI(aor.getUser(), local.getAddress().getHostAddress());
            c.setPort(local.getPort());
            c.setTransportParam(transport.lowerName());
            return c;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our Contact: " + e.getMessage(), e);
        }
    }

    /**
     * A REGISTER binding {@code contact} for {@code expires} (0 = remove), optionally removing a
     * stale contact of ours (from a previous connection) in the same request.
     */
    public Request register(SipURI contact, Duration expires, Optional<SipURI> staleContact) {
        try {
            Address to = addresses.createAddress(aor);
            Address from = addresses.createAddress(aor);
            if (!displayName.isBlank()) {
                to.setDisplayName(quotedStringContent(displayName));
                from.setDisplayName(quotedStringContent(displayName));
            }
            SipURI requestUri = addresses.createSipURI(null, aor.getHost());
            Request r = messages.createRequest(requestUri, Request.REGISTER, callId,
                    headers.createCSeqHeader(++cseq, Request.REGISTER), headers.createFromHeader(from, fromTag),
                    headers.createToHeader(to, null), new ArrayList<>(List.of(via())),
                    headers.createMaxForwardsHeader(70));
            r.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
            if (staleContact.isPresent()) {
                ContactHeader stale = headers.createContactHeader(addresses.createAddress(staleContact.get()));
                stale.setExpires(0);
                r.addHeader(stale);
            }
            r.addHeader(headers.createExpiresHeader((int) expires.toSeconds()));
            for (String method : allow.get()) {
                r.addHeader(headers.createAllowHeader(method));
            }
            if (!userAgent.isBlank()) {
                r.addHeader(headers.createHeader("User-Agent", userAgent));
            }
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build a REGISTER: " + e.getMessage(), e);
        }
    }

    /** The same REGISTER again (after a challenge): next CSeq, fresh Via, no old credentials. */
    public Request again(Request previous) {
        Request r = (Request) previous.clone();
        try {
            r.removeHeader(ViaHeader.NAME);
            r.addHeader(via());
            ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).setSeqNumber(++cseq);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot rebuild the REGISTER: " + e.getMessage(), e);
        }
        r.removeHeader(AuthorizationHeader.NAME);
        r.removeHeader(ProxyAuthorizationHeader.NAME);
        return r;
    }

    private ViaHeader via() throws ParseException, InvalidArgumentException {
        ViaHeader via = headers.createViaHeader(listeningPoint.getIPAddress(), listeningPoint.getPort(),
                transport.lowerName(), null);
        via.setRPort();
        return via;
    }

    public SipURI aor() {
        return aor;
    }
}
