package org.cusax.sip.processor;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.sip.call.IncomingCalls;

/**
 * BYE: ends the matching call with 200 OK (RFC 3261 §15.1.2); a BYE matching no call, or any BYE
 * without calls, gets 481 Call/Transaction Does Not Exist.
 */
public final class ByeProcessor implements RequestProcessor {
    private final Optional<IncomingCalls> calls;

    /** Without calls. */
    public ByeProcessor() {
        this(Optional.empty());
    }

    public ByeProcessor(Optional<IncomingCalls> calls) {
        this.calls = calls;
    }

    @Override
    public String method() {
        return Request.BYE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        if (calls.isPresent()) {
            calls.get().onBye(event);
            return;
        }
        responder.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
}
