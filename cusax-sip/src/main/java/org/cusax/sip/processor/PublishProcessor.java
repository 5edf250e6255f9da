package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** PUBLISH: we accept no event state over SIP: 489 Bad Event (RFC 3903 §6). */
public final class PublishProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.PUBLISH;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, Response.BAD_EVENT);
    }
}
