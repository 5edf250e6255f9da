package org.cusax.sip.processor;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.sip.call.IncomingCalls;

/**
 * UPDATE (RFC 3311): inside a call, a body-less UPDATE (a session refresh, RFC 4028) gets 200 OK and an
 * offer is answered like a re-INVITE; an UPDATE matching no call, or any without calls, gets 481.
 */
public final class UpdateProcessor implements RequestProcessor {
    private final Optional<IncomingCalls> calls;

    /** Without calls. */
    public UpdateProcessor() {
        this(Optional.empty());
    }

    public UpdateProcessor(Optional<IncomingCalls> calls) {
        this.calls = calls;
    }

    @Override
    public String method() {
        return Request.UPDATE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        if (calls.isPresent()) {
            calls.get().onUpdate(event);
            return;
        }
        responder.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
}
