package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * INVITE: answering calls comes with the calls feature; until then every INVITE is declined with 480
 * Temporarily Unavailable (RFC 3261 §21.4.18), which tells the caller to try later or elsewhere.
 */
public final class InviteProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.INVITE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, Response.TEMPORARILY_UNAVAILABLE);
    }
}
