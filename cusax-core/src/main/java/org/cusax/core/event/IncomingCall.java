package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.call.Call;

/** Someone calls us (an INVITE arrived, RFC 3261 §13.3); answer or reject it by the call's id. */
public record IncomingCall(Instant at, Call call) implements CusaxEvent {
    @Override
    public String type() {
        return "incoming-call";
    }
}
