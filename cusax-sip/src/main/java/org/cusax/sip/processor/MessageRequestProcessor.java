package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * MESSAGE (RFC 3428), only with IM and presence switched on for the SIP account. Chat over SIP is not
 * delivered to the user yet, so rather than accept and lose a message we answer 480 Temporarily
 * Unavailable and the sender knows it did not arrive.
 */
public final class MessageRequestProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.MESSAGE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, Response.TEMPORARILY_UNAVAILABLE);
    }
}
