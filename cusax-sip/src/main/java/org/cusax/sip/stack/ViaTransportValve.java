package org.cusax.sip.stack;

import javax.sip.SipStack;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;

/**
 * Runs on every request before JAIN-SIP's transaction layer. JAIN-SIP looks up the listening point by
 * the transport the top Via names and silently drops the request (TCP) or fails building the server
 * transaction (UDP) when it is not the transport the request arrived on, which is the case of most
 * RFC 4475 torture messages sent over TCP. A response travels back over the connection (or to the
 * source) the request came from (RFC 3261 §18.2.2), so the Via is aligned to the arrival transport.
 * Instantiated by JAIN-SIP by name ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}).
 */
public final class ViaTransportValve implements SIPMessageValve {
    public ViaTransportValve() {
        // created reflectively by JAIN-SIP
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        Via top = request.getTopmostVia();
        String arrived = channel.getTransport();
        if (top != null && arrived != null && !arrived.equalsIgnoreCase(top.getTransport())) {
            try {
                top.setTransport(arrived.toUpperCase(java.util.Locale.ROOT));
            } catch (java.text.ParseException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
