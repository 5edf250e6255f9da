package org.cusax.sip.call;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sip.InvalidArgumentException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.CallInfoHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

import org.cusax.core.account.Transport;
import org.cusax.sip.stack.SipEndpoint;

/**
 * Builds our INVITEs (RFC 3261 §13.2.1) and the Contact of our dialogs. The caller's XMPP address goes
 * in {@code Call-Info: <xmpp:…>;purpose=impp} (RFC 7081 §5, RFC 6993).
 */
final class InviteRequests {
    private final SipEndpoint endpoint;
    private final Transport transport;
    private final SipURI aor;
    private final String userAgent;
    /** Our JID for Call-Info, asked at each INVITE: the user may switch Call-Info off and on (privacy). */
    private final java.util.function.Supplier<Optional<String>> linkedJid;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    InviteRequests(SipEndpoint endpoint, Transport transport, SipURI aor, String userAgent,
                   java.util.function.Supplier<Optional<String>> linkedJid) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.aor = aor;
        this.userAgent = userAgent;
        this.linkedJid = linkedJid;
    }

    Request invite(String target, String sdp) throws IOException {
        try {
            URI requestUri = endpoint.addresses().createURI(target);
            Address to = endpoint.addresses().createAddress(requestUri);
            Address from = endpoint.addresses().createAddress(aor);
            CallIdHeader callId = endpoint.provider().getNewCallId();
            Request r = endpoint.messages().createRequest(requestUri, Request.INVITE, callId,
                    endpoint.headers().createCSeqHeader(1L, Request.INVITE),
                    endpoint.headers().createFromHeader(from, tag()), endpoint.headers().createToHeader(to, null),
                    new ArrayList<>(List.of(via())), endpoint.headers().createMaxForwardsHeader(70));
            r.addHeader(contact());
            Optional<String> jid = linkedJid.get();
            if (jid.isPresent()) {
                // typed builder, no header text of ours: RFC 6993 purpose as a parameter of a CallInfoHeader
                CallInfoHeader callInfo = endpoint.headers().createCallInfoHeader(
                        endpoint.addresses().createURI("xmpp:" + jid.get()));
                callInfo.setPurpose("impp");
                r.addHeader(callInfo);
            }
            if (!userAgent.isBlank()) {
                r.addHeader(endpoint.headers().createHeader("User-Agent", userAgent));
            }
            r.setContent(sdp, sdpType());
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build an INVITE to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The same INVITE again after a challenge: next CSeq, fresh Via, no old credentials. */
    Request again(Request previous) {
        Request r = (Request) previous.clone();
        try {
            r.removeHeader(ViaHeader.NAME);
            r.addHeader(via());
            CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot rebuild the INVITE: " + e.getMessage(), e);
        }
        r.removeHeader(AuthorizationHeader.NAME);
        r.removeHeader(ProxyAuthorizationHeader.NAME);
        return r;
    }

    /** Adds our Contact and the SDP body to a 2xx answer. */
    void completeAnswer(Response ok, String sdp) throws IOException {
        try {
            ok.addHeader(contact());
            ok.setContent(sdp, sdpType());
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the 200 OK: " + e.getMessage(), e);
        }
    }

    /** Puts an SDP body (offer or answer) into a request or response. */
    void setSdp(javax.sip.message.Message message, String sdp) throws ParseException {
        message.setContent(sdp, sdpType());
    }

    javax.sip.header.ContactHeader contact() throws IOException {
        InetSocketAddress local = endpoint.connectToServer();
        try {
            SipURI c = endpoint.addresses().createSipURI(aor.getUser(), local.getAddress().getHostAddress());
            c.setPort(local.getPort());
            c.setTransportParam(transport.lowerName());
            return endpoint.headers().createContactHeader(endpoint.addresses().createAddress(c));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our Contact: " + e.getMessage(), e);
        }
    }

    private ContentTypeHeader sdpType() throws ParseException {
        return endpoint.headers().createContentTypeHeader("application", "sdp");
    }

    private ViaHeader via() throws ParseException, InvalidArgumentException {
        var lp = endpoint.listeningPoint();
        ViaHeader via = endpoint.headers().createViaHeader(lp.getIPAddress(), lp.getPort(), transport.lowerName(), null);
        via.setRPort();
        return via;
    }

    String tag() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
