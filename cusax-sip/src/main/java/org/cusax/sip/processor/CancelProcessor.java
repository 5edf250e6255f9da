package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * CANCEL (RFC 3261 §9.2): every INVITE we receive gets its final answer at once, so there is never a
 * pending INVITE to cancel. If the stack still knows the INVITE transaction the CANCEL has no effect
 * and gets 200 OK; otherwise 481 Call/Transaction Does Not Exist.
 */
public final class CancelProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.CANCEL;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        responder.respond(event, event.getServerTransaction() != null
                ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
}
