package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * NOTIFY (only with IM and presence switched on): we never subscribe, so no NOTIFY matches a
 * subscription: 481 (RFC 6665 §4.1.3).
 */
public final class NotifyProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.NOTIFY;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
}
