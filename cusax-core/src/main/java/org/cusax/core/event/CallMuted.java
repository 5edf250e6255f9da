package org.cusax.core.event;

import java.time.Instant;

import org.cusax.core.call.Call;

/**
 * Our microphone in a call was muted ({@code muted}) or unmuted. While muted we keep sending RTP, but
 * silence, so the far end's media-inactivity timers do not end the call.
 */
public record CallMuted(Instant at, Call call, boolean muted) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "call-muted";
    }
}
