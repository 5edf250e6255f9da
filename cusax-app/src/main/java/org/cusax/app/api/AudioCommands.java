package org.cusax.app.api;

import java.util.Map;

import org.cusax.app.json.CallJson;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.client.CusaxCommands;

/**
 * {@code mute} (our microphone in a live call: silence is sent, RTP keeps flowing),
 * {@code call-audio-device} (move a live call to another microphone or speaker) and
 * {@code audio-devices} (the sound devices a live call can use).
 */
final class AudioCommands {
    private final CusaxCommands core;

    AudioCommands(CusaxCommands core) {
        this.core = core;
    }

    void registerIn(CommandRegistry r) {
        r.register("mute", "mute or unmute our microphone in an answered call {callId?, muted? (default true)}",
                this::mute);
        r.register("call-audio-device", "move an answered call to another microphone and/or speaker while it runs"
                + " {callId?, input?, output?}", this::switchDevices);
        r.register("audio-devices", "the sound devices live calls can use",
                p -> Map.of("devices", core.audioDevices().stream().map(CallJson::device).toList()));
    }

    private Object switchDevices(Params p) throws ApiException {
        java.util.Optional<String> input = p.optString("input");
        java.util.Optional<String> output = p.optString("output");
        if (input.isEmpty() && output.isEmpty()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "name the device to switch to: input and/or output");
        }
        Call call = CallPicker.pick(core.calls(), p.optString("callId"), "switch the audio devices of",
                c -> c.state() == CallState.ANSWERED || c.state() == CallState.ON_HOLD);
        core.switchAudioDevices(call.id(), input, output);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("callId", call.id());
        input.ifPresent(d -> result.put("input", d));
        output.ifPresent(d -> result.put("output", d));
        return result;
    }

    private Object mute(Params p) throws ApiException {
        boolean muted = !p.has("muted") || p.flag("muted");
        Call call = CallPicker.pick(core.calls(), p.optString("callId"), muted ? "mute" : "unmute",
                c -> c.state() == CallState.ANSWERED || c.state() == CallState.ON_HOLD);
        core.mute(call.id(), muted);
        return Map.of("callId", call.id(), "muted", muted);
    }
}
