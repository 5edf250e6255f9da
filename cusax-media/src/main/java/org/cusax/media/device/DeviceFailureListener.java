package org.cusax.media.device;

import org.cusax.core.audio.AudioDirection;

/** Told when a device of a call cannot be opened or stops working (the call goes on without it). */
@FunctionalInterface
public interface DeviceFailureListener {
    void failed(AudioDirection direction, String device, String reason);
}
