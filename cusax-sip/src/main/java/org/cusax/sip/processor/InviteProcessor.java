package org.cusax.sip.processor;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.sip.call.IncomingCalls;

/**
 * INVITE: with calls, rung (180) and reported to the core, answered or rejected later (RFC 3261 §13.3).
 * Without calls every INVITE is declined with 480 Temporarily Unavailable (RFC 3261 §21.4.18).
 */
public final class InviteProcessor implements RequestProcessor {
    private final Optional<IncomingCalls> calls;

    /** Without calls. */
    public InviteProcessor() {
        this(Optional.empty());
    }

    public InviteProcessor(Optional<IncomingCalls> calls) {
        this.calls = calls;
    }

    @Override
    public String method() {
        return Request.INVITE;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        if (calls.isPresent()) {
            calls.get().onInvite(event);
            return;
        }
        responder.respond(event, Response.TEMPORARILY_UNAVAILABLE);
    }
}
