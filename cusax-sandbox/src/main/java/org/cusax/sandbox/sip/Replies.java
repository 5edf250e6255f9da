package org.cusax.sandbox.sip;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends the responses the sandbox itself generates (RFC 3261 §8.2.6). */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MessageFactory messages;

    Replies(MessageFactory messages) {
        this.messages = messages;
    }

    /** A response to {@code request}; a final one gets a To tag if the request had none (§8.2.6.2). */
    Response create(Request request, int status, String reason) throws ParseException {
        Response r = messages.createResponse(status, request);
        if (reason != null) {
            r.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (status >= 200 && to != null && to.getTag() == null) {
            to.setTag(tag());
        }
        return r;
    }

    void send(ServerTransaction st, Request request, int status, String reason) {
        try {
            send(st, create(request, status, reason));
        } catch (ParseException e) {
            LOG.warn("cannot build a {} response: {}", status, e.getMessage());
        }
    }

    void send(ServerTransaction st, Response response) {
        try {
            st.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("cannot send {} {}: {}", response.getStatusCode(), response.getReasonPhrase(), e.getMessage());
        }
    }

    static String tag() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A new RFC 3261 branch (magic cookie prefix, §8.1.1.7). */
    static String branch() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return "z9hG4bK-sbx-" + HexFormat.of().formatHex(b);
    }
}
