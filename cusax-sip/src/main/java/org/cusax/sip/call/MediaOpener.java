package org.cusax.sip.call;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.media.device.LiveAudio;

/**
 * Opens a call's media: RTP ports on our media address, SRTP as the core's security guard requires, DTMF and sound-device
 * failures reported to the core under the call's id, and the machine's sound devices once known.
 */
final class MediaOpener {
    private final InetAddress address;
    private final boolean srtpRequired;
    private final TelephonyCallbacks callbacks;
    private volatile Optional<LiveAudio> liveAudio = Optional.empty();

    MediaOpener(InetAddress address, boolean srtpRequired, TelephonyCallbacks callbacks) {
        this.address = address;
        this.srtpRequired = srtpRequired;
        this.callbacks = callbacks;
    }

    /** Live calls use {@code audio}'s devices from now on (without it they report the devices unavailable). */
    void use(LiveAudio audio) {
        liveAudio = Optional.of(audio);
    }

    CallMedia open(String callId) throws IOException {
        return CallMedia.open(address, srtpRequired, digit -> callbacks.onDtmf(callId, digit), liveAudio,
                (direction, device, reason) -> callbacks.onAudioDeviceFailed(callId, direction, device, reason));
    }
}
