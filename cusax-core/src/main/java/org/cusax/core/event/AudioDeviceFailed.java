package org.cusax.core.event;

import java.util.Objects;

import org.cusax.core.audio.AudioDirection;

/**
 * A sound device of a call could not be opened (or stopped working): the call goes on without it — silence
 * is sent in place of the microphone, or what arrives is not played.
 *
 * @param callId    the call
 * @param direction input (microphone) or output (speaker)
 * @param device    the device as configured or asked for ({@code default}, a name or part of one)
 * @param reason    why, in words for the user
 */
public record AudioDeviceFailed(java.time.Instant at, String callId, AudioDirection direction, String device,
                                String reason) implements CusaxEvent {
    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    public AudioDeviceFailed {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return "audio-device-failed";
    }
}
