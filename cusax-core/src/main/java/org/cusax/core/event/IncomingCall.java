package org.cusax.core.event;

import java.time.Instant;
import java.util.Objects;

import org.cusax.core.call.Call;
import org.cusax.core.call.CallerIdentity;

/**
 * Someone calls us (an INVITE arrived, RFC 3261 §13.3); answer or reject it by the call's id.
 *
 * @param caller who it is: the calling address and the roster contact it is bound to, if any (RFC 7081 §5)
 */
public record IncomingCall(Instant at, Call call, CallerIdentity caller) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    public IncomingCall {
        Objects.requireNonNull(caller, "caller");
    }

    /** An incoming call known only by its address. */
    public IncomingCall(Instant at, Call call) {
        this(at, call, CallerIdentity.unbound(call.remote()));
    }

    @Override
    public String type() {
        return "incoming-call";
    }
}
