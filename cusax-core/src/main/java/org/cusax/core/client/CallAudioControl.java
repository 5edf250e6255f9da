package org.cusax.core.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cusax.core.audio.AudioDevice;
import org.cusax.core.audio.AudioDirection;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.event.AudioDeviceFailed;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallMuted;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.AudioDevicesPort;
import org.cusax.core.port.TelephonyPort;

/**
 * The sound side of calls: the device list, switching a live call's devices, mute (which live calls are muted; an ended call is forgotten)
 * and the report of a device that could not be opened.
 */
final class CallAudioControl {
    private final Optional<TelephonyPort> port;
    private final CallBook calls;
    private final EventBus events;
    private final AudioDevicesPort devices;
    private final Set<String> muted = ConcurrentHashMap.newKeySet();

    CallAudioControl(Optional<TelephonyPort> port, CallBook calls, EventBus events, AudioDevicesPort devices) {
        this.port = port;
        this.calls = calls;
        this.events = events;
        this.devices = devices;
        events.subscribe(event -> {
            if (event instanceof CallEnded ended) {
                muted.remove(ended.call().id());
            }
        });
    }

    List<AudioDevice> devices() {
        return devices.list();
    }

    void mute(String callId, boolean mute) {
        Call call = calls.require(callId);
        if (call.state() == CallState.ENDED) {
            throw new IllegalStateException("cannot " + (mute ? "mute" : "unmute") + " call " + callId
                    + ": it has ended");
        }
        port.orElseThrow(() -> new IllegalStateException("no SIP account is configured: calls are not available"))
                .mute(callId, mute);
        boolean changed = mute ? muted.add(callId) : muted.remove(callId);
        if (changed) {
            events.publish(new CallMuted(Instant.now(), calls.require(callId), mute));
        }
    }

    void switchDevices(String callId, Optional<String> input, Optional<String> output) {
        if (input.isEmpty() && output.isEmpty()) {
            throw new IllegalArgumentException("name an input or an output device to switch to");
        }
        Call call = calls.require(callId);
        if (call.state() != CallState.ANSWERED && call.state() != CallState.ON_HOLD) {
            throw new IllegalStateException("cannot switch the audio devices of call " + callId + ": it is "
                    + call.state().token());
        }
        port.orElseThrow(() -> new IllegalStateException("no SIP account is configured: calls are not available"))
                .switchAudioDevices(callId, input, output);
        events.publish(new org.cusax.core.event.CallAudioDeviceChanged(Instant.now(), calls.require(callId), input,
                output));
    }

    boolean isMuted(String callId) {
        return muted.contains(callId);
    }

    void deviceFailed(String callId, AudioDirection direction, String device, String reason) {
        events.publish(new AudioDeviceFailed(Instant.now(), callId, direction, device, reason));
    }
}
