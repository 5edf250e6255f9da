package org.cusax.sip.processor;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.sip.call.IncomingCalls;

/**
 * CANCEL: a pending incoming INVITE gets 487 Request Terminated and the CANCEL 200 OK (RFC 3261 §9.2).
 * Without calls every INVITE is answered at once: 200 if the stack still knows it, else 481.
 */
public final class CancelProcessor implements RequestProcessor {
    private final Optional<IncomingCalls> calls;

    /** Without calls. */
    public CancelProcessor() {
        this(Optional.empty());
    }

    public CancelProcessor(Optional<IncomingCalls> calls) {
        this.calls = calls;
    }

    @Override
    public String method() {
        return Request.CANCEL;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        if (calls.isPresent()) {
            calls.get().onCancel(event);
            return;
        }
        responder.respond(event, event.getServerTransaction() != null
                ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
}
