package org.cusax.media.device;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.AudioSource;

/**
 * Makes the live audio of calls: a microphone source and a speaker sink on the machine's sound devices,
 * each running its device on a thread of its own. Opening happens on that thread, so neither the SIP nor
 * the RTP thread waits for a sound system; a device that cannot be used is reported to the listener.
 */
public final class LiveAudio {
    private final SoundDevices devices;
    private final ThreadFactory threads;

    public LiveAudio(SoundDevices devices, ThreadFactory threads) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** Java Sound devices, on daemon threads named {@code cusax-audio-…}. */
    public static LiveAudio javaSound(SoundDevices devices) {
        AtomicInteger n = new AtomicInteger();
        return new LiveAudio(devices, r -> {
            Thread t = new Thread(r, "cusax-audio-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks that {@code device} names one device of that direction ({@code default} always does), so a switch
     * to a wrong name is refused before anything changes.
     */
    public void check(String device, org.cusax.core.audio.AudioDirection direction) throws DeviceUnavailableException {
        devices.check(device, direction);
    }

    /** The microphone {@code device}; silence until it delivers, and for good if it cannot be opened. */
    public AudioSource microphone(String device, DeviceFailureListener failures) {
        return MicrophoneSource.start(device, () -> devices.openCapture(device), failures, threads);
    }

    /** The speaker {@code device}; frames are discarded if it cannot be opened. */
    public AudioSink speaker(String device, DeviceFailureListener failures) {
        return SpeakerSink.start(device, () -> devices.openPlayback(device), failures, threads);
    }
}
