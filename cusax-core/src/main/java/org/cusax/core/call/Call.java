package org.cusax.core.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cusax.core.security.MediaDecision;

/**
 * An immutable snapshot of one call.
 *
 * @param id        our id (stable for the life of the call)
 * @param direction who placed it
 * @param remote    the far end's address (SIP URI)
 * @param state     where it is now
 * @param endReason why it ended, once {@link CallState#ENDED}
 * @param started   when it was placed or arrived
 * @param answered  when it was answered, if it was
 * @param ended     when it ended, if it has
 * @param media     the security guard's decision on the call's media protection (SRTP or plain RTP), once
 *                  the media is negotiated
 */
public record Call(String id, CallDirection direction, String remote, CallState state, Optional<EndReason> endReason,
                   Instant started, Optional<Instant> answered, Optional<Instant> ended,
                   Optional<MediaDecision> media) {
    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(media, "media");
        if ((state == CallState.ENDED) != endReason.isPresent()) {
            throw new IllegalArgumentException("an end reason goes with the ended state only");
        }
    }

    public static Call outgoing(String id, String remote, Instant at) {
        return new Call(id, CallDirection.OUTGOING, remote, CallState.DIALING, Optional.empty(), at,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Call incoming(String id, String remote, Instant at) {
        return new Call(id, CallDirection.INCOMING, remote, CallState.RINGING, Optional.empty(), at,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Call ringing() {
        requireNotEnded();
        return new Call(id, direction, remote, CallState.RINGING, endReason, started, answered, ended, media);
    }

    public Call answeredAt(Instant at) {
        requireNotEnded();
        return new Call(id, direction, remote, CallState.ANSWERED, endReason, started, Optional.of(at), ended, media);
    }

    /** On hold (either side holds it) or back to {@link CallState#ANSWERED}; only for an answered call. */
    public Call held(boolean onHold) {
        requireNotEnded();
        if (answered.isEmpty()) {
            throw new IllegalStateException("call " + id + " is not answered");
        }
        return new Call(id, direction, remote, onHold ? CallState.ON_HOLD : CallState.ANSWERED, endReason, started,
                answered, ended, media);
    }

    public Call endedAt(Instant at, EndReason reason) {
        requireNotEnded();
        return new Call(id, direction, remote, CallState.ENDED, Optional.of(reason), started, answered,
                Optional.of(at), media);
    }

    /** The same call with the guard's decision on its media protection. */
    public Call withMedia(MediaDecision decision) {
        return new Call(id, direction, remote, state, endReason, started, answered, ended, Optional.of(decision));
    }

    /** Talk time: from answer to end (or to {@code now} while up); zero if never answered. */
    public Duration duration(Instant now) {
        if (answered.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.between(answered.get(), ended.orElse(now));
    }

    private void requireNotEnded() {
        if (state == CallState.ENDED) {
            throw new IllegalStateException("call " + id + " has already ended");
        }
    }
}
