package org.cusax.sip.processor;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.message.Request;

import org.cusax.sip.call.IncomingCalls;

/**
 * ACK: never answered (RFC 3261 §17.1.1.3); the ACK to our 200 OK confirms an answered call (§13.3.1.4).
 * A stray ACK is dropped.
 */
public final class AckProcessor implements RequestProcessor {
    private final Optional<IncomingCalls> calls;

    /** Without calls. */
    public AckProcessor() {
        this(Optional.empty());
    }

    public AckProcessor(Optional<IncomingCalls> calls) {
        this.calls = calls;
    }

    @Override
    public String method() {
        return Request.ACK;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        if (calls.isPresent()) {
            calls.get().onAck(event);
            return;
        }
        // nothing to send
    }
}
