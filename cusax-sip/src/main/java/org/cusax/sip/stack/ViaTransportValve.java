package org.cusax.sip.stack;

import java.lang.reflect.Field;
import java.util.Locale;

import javax.sip.SipStack;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Runs on every request before JAIN-SIP's transaction layer, for what the stack gets wrong on hostile input:
 * <ul>
 * <li>Top Via naming another transport than the one the request arrived on (most RFC 4475 torture messages
 * sent over TCP). JAIN-SIP looks up the listening point by the Via's transport, and a TCP channel sends its
 * responses with the transport the Via named when the request was read: over a connection it then opens a
 * new one (or sends a datagram) instead of answering on the connection (RFC 3261 §18.2.2). The Via and the
 * channel's peer transport are aligned to the arrival transport.</li>
 * <li>Size. JAIN-SIP's stream parser refuses a header block above half its {@code MAX_MESSAGE_SIZE} by
 * closing the connection, so the stack is given {@link StackProperties#HEADER_HEADROOM} times
 * {@code sip.max-message-size} and this valve enforces the configured size on the whole message: 513 Message
 * Too Large (RFC 3261 §21.5.11) over it (a header block over twice the size still closes the connection;
 * UDP datagrams over the size are discarded unread by {@link ScreenedDatagramSocket}).</li>
 * </ul>
 * Instantiated by JAIN-SIP by name ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}).
 */
public final class ViaTransportValve implements SIPMessageValve {
    private static final Field PEER_PROTOCOL = peerProtocolField();
    private volatile int maxMessageSize;

    public ViaTransportValve() {
        // created reflectively by JAIN-SIP
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        int limit = maxMessageSize;
        int size = request.getSize() + (request.getContentLength() == null ? 0
                : request.getContentLength().getContentLength());
        if (limit > 0 && size > limit) {
            refuse(request, channel, Response.MESSAGE_TOO_LARGE);
            return false;
        }
        Via top = request.getTopmostVia();
        String arrived = channel.getTransport();
        if (top != null && arrived != null && !arrived.equalsIgnoreCase(top.getTransport())) {
            try {
                top.setTransport(arrived.toUpperCase(Locale.ROOT));
            } catch (java.text.ParseException e) {
                return false;
            }
            alignPeerTransport(channel, arrived);
        }
        return true;
    }

    private static void alignPeerTransport(MessageChannel channel, String arrived) {
        if (channel instanceof ConnectionOrientedMessageChannel && PEER_PROTOCOL != null) {
            try {
                PEER_PROTOCOL.set(channel, arrived.toUpperCase(Locale.ROOT));
            } catch (IllegalAccessException e) {
                // left as it was: the response then takes JAIN-SIP's own route
            }
        }
    }

    private static void refuse(SIPRequest request, MessageChannel channel, int status) {
        if (javax.sip.message.Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            SIPResponse response = request.createResponse(status);
            channel.sendMessage(response);
        } catch (java.io.IOException | RuntimeException e) {
            // nowhere to answer: the request is dropped all the same
        }
    }

    /** JAIN-SIP's stream channels keep the transport of the first Via in this field and send with it. */
    private static Field peerProtocolField() {
        try {
            Field f = ConnectionOrientedMessageChannel.class.getDeclaredField("peerProtocol");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        if (stack instanceof SIPTransactionStack s) {
            maxMessageSize = s.getMaxMessageSize() / StackProperties.HEADER_HEADROOM;
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }
}
