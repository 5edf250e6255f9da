package org.cusax.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cusax.core.call.Call;

/**
 * A running call was moved to another microphone ({@code input}) and/or speaker ({@code output}); what is
 * empty was kept. The call went on. Should the new device then fail to open, {@link AudioDeviceFailed} follows.
 */
public record CallAudioDeviceChanged(Instant at, Call call, Optional<String> input, Optional<String> output)
        implements CusaxEvent {
    public CallAudioDeviceChanged {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    @Override
    public <R> R accept(EventVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String type() {
        return "call-audio-device";
    }
}
