package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * BYE: we hold no dialogs yet, so a BYE matches none: 481 Call/Transaction Does Not Exist
 * (RFC 3261 §15.1.2).
 */
public final class ByeProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.BYE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
}
