package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * SUBSCRIBE: we offer no event package over SIP (presence is XMPP's job in CUSAX), so every
 * subscription is refused with 489 Bad Event (RFC 6665 §4.2.1.1).
 */
public final class SubscribeProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.SUBSCRIBE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, Response.BAD_EVENT);
    }
}
