package org.cusax.app.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.json.CallJson;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallDirection;
import org.cusax.core.call.CallState;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxCommands;
import org.cusax.core.config.AudioSettings;

/**
 * Live call control: {@code answer}, {@code reject}, {@code busy}, {@code hangup}, {@code hold},
 * {@code resume}, {@code dtmf}, {@code calls}; placing calls is {@link CallPlacing}. Without a
 * {@code callId} a command means the one live call it fits (the ringing one for answer…).
 */
final class CallCommands {
    private final CusaxCommands core;
    private final CallPlacing placing;
    private final AudioSettings devices;

    CallCommands(CusaxCommands core, Timers timers, AudioSettings devices) {
        this.core = core;
        this.devices = devices;
        this.placing = new CallPlacing(core, timers, devices);
    }

    void registerIn(CommandRegistry r) {
        r.register("call", "place a call {target, via?, number?, tone?|play?, record?, input?, output?, dryRun?, dtmf?, "
                + "holdAfterMs?, resumeAfterMs?, hangupAfterMs?, answerTimeoutMs?, settleMs?, contactsWaitMs?}",
                placing::call);
        r.register("answer", "answer a ringing incoming call {callId?, tone?|play?, record?, input?, output?}", this::answer);
        r.register("reject", "decline a ringing incoming call {callId?, status? (default 603)}",
                p -> reject(p, p.integer("status", 603, 400, 699)));
        r.register("busy", "refuse a ringing incoming call with 486 Busy Here {callId?}", p -> reject(p, 486));
        r.register("hangup", "end a call in any state (cancels while ringing) {callId?}", this::hangup);
        r.register("hold", "hold an answered call (re-INVITE a=sendonly) {callId?}", this::hold);
        r.register("resume", "resume a call we hold (re-INVITE a=sendrecv) {callId?}", this::resume);
        r.register("dtmf", "send DTMF digits (0-9 * # A-D) in an answered call {callId?, digits}", this::dtmf);
        r.register("calls", "the live calls", p -> core.calls().stream().filter(c -> c.state() != CallState.ENDED)
                .map(this::callWithCaller).toList());
    }

    private Object answer(Params p) throws ApiException {
        Call call = pick(p, "answer", CallCommands::ringingIncoming);
        core.answer(call.id(), audio(p, devices));
        return snapshot(call.id());
    }

    private Object reject(Params p, int status) throws ApiException {
        Call call = pick(p, "reject", CallCommands::ringingIncoming);
        core.reject(call.id(), status);
        return snapshot(call.id());
    }

    private Object hangup(Params p) throws ApiException {
        Call call = pick(p, "hang up", c -> true);
        core.hangUp(call.id());
        return snapshot(call.id());
    }

    private Object hold(Params p) throws ApiException {
        Call call = pick(p, "hold", c -> c.state() == CallState.ANSWERED);
        core.hold(call.id());
        return snapshot(call.id());
    }

    private Object resume(Params p) throws ApiException {
        Call call = pick(p, "resume", c -> c.state() == CallState.ON_HOLD);
        core.resume(call.id());
        return snapshot(call.id());
    }

    private Object dtmf(Params p) throws ApiException {
        String digits = p.string("digits");
        Call call = pick(p, "send DTMF in", c -> c.state() == CallState.ANSWERED);
        core.sendDtmf(call.id(), digits);
        Map<String, Object> m = snapshot(call.id());
        m.put("digits", digits);
        return m;
    }

    private Call pick(Params p, String what, java.util.function.Predicate<Call> fits) throws ApiException {
        return CallPicker.pick(core.calls(), p.optString("callId"), what, fits);
    }

    private static boolean ringingIncoming(Call c) {
        return c.direction() == CallDirection.INCOMING && c.state() == CallState.RINGING;
    }

    private Map<String, Object> snapshot(String callId) {
        return core.calls().stream().filter(c -> c.id().equals(callId)).findFirst().map(this::callWithCaller)
                .orElseGet(() -> new java.util.LinkedHashMap<>(Map.of("callId", callId)));
    }

    private Map<String, Object> callWithCaller(Call c) {
        Map<String, Object> m = CallJson.call(c);
        core.caller(c.id()).ifPresent(caller -> m.put("caller", CallJson.caller(caller)));
        return m;
    }

    /**
     * What to send ({@code tone} Hz or {@code play} a WAV path) and where to record; paths are the daemon's.
     * Without any of them the call is live: the configured microphone and speaker, or {@code input} /
     * {@code output} (a device name, {@code default} or {@code none}).
     */
    static AudioPlan audio(Params p, AudioSettings devices) throws ApiException {
        Optional<Double> tone = p.optNumber("tone");
        Optional<String> play = p.optString("play");
        Optional<String> record = p.optString("record");
        if (tone.isPresent() && play.isPresent()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "give tone or play, not both");
        }
        try {
            if (tone.isEmpty() && play.isEmpty() && record.isEmpty()) {
                return devices.overriding(p.optString("input").orElse(null), p.optString("output").orElse(null))
                        .livePlan();
            }
            PlaySource source = tone.<PlaySource>map(PlaySource.Tone::new)
                    .or(() -> play.map(f -> new PlaySource.WavFile(Path.of(f)))).orElse(new PlaySource.Silence());
            return new AudioPlan(source, record.map(Path::of));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }
}
