package org.cusax.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.EndReason;
import org.cusax.core.client.CusaxClient;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;

/**
 * The call part of the demo: the greeting peer is called and recorded, and the recording analysed so
 * the user sees that speech crossed the call; the busy peer is called and its 486 shown.
 */
final class DemoCalls {
    /** The greeting peer hangs up about 5 s after answering; this is only the upper bound of the wait. */
    private static final Duration WAIT = Duration.ofSeconds(40);
    /** Less than this much sound above the silence threshold means the greeting did not cross. */
    private static final Duration SPEECH_AT_LEAST = Duration.ofSeconds(1);

    private final Consumer<String> say;

    DemoCalls(Consumer<String> say) {
        this.say = say;
    }

    /** Calls {@code target} (the greeting peer), records until it hangs up; true when speech was heard. */
    boolean greeting(CusaxClient client, String target, Path recording) throws InterruptedException, IOException {
        say.accept("Calling " + target + " (the greeting peer) over SIP, recording what it says...");
        Call call = client.placeCall(target, AudioPlan.silent().recordingTo(recording));
        if (client.awaitCall(call.id(), CallState.ANSWERED, WAIT).isEmpty()) {
            say.accept("  not answered: " + endReason(client, call.id()).map(EndReason::message).orElse("no answer"));
            client.hangUp(call.id());
            return false;
        }
        say.accept("  answered; listening until the peer hangs up (about 5 s)");
        if (client.awaitCall(call.id(), CallState.ENDED, WAIT).isEmpty()) {
            client.hangUp(call.id());
            client.awaitCall(call.id(), CallState.ENDED, WAIT);
        }
        short[] pcm = WavFileSource.readAll(recording);
        Duration sound = SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE);
        double rms = SignalAnalysis.rms(pcm);
        boolean heard = sound.compareTo(SPEECH_AT_LEAST) >= 0 && rms > SignalAnalysis.DEFAULT_SILENCE_RMS;
        say.accept(String.format(Locale.ROOT, "  recording analysed: %.1f s of %.1f s above the silence level, "
                        + "RMS %.0f -> %s", sound.toMillis() / 1000.0, pcm.length / (double) Pcm.SAMPLE_RATE, rms,
                heard ? "the spoken greeting crossed the call" : "NO speech heard"));
        say.accept("  (recording: " + recording + ")");
        return heard;
    }

    /** Calls {@code target} (the busy peer); true when the call ended with 486 Busy Here. */
    boolean busy(CusaxClient client, String target) throws InterruptedException {
        say.accept("Calling " + target + " (the busy peer)...");
        Call call = client.placeCall(target, AudioPlan.silent());
        Optional<Call> ended = client.awaitCall(call.id(), CallState.ENDED, WAIT);
        if (ended.isEmpty()) {
            client.hangUp(call.id());
            say.accept("  the call did not end by itself");
            return false;
        }
        Optional<EndReason> reason = ended.get().endReason();
        boolean busy = reason.map(r -> r.kind() == EndReason.Kind.BUSY).orElse(false);
        say.accept("  ended: " + reason.map(r -> r.message() + r.sipStatus().stream().mapToObj(s -> " (SIP " + s + ")")
                .findFirst().orElse("")).orElse("?") + (busy ? " -> busy, as expected" : " -> NOT the expected 486"));
        return busy;
    }

    private static Optional<EndReason> endReason(CusaxClient client, String callId) {
        return client.calls().stream().filter(c -> c.id().equals(callId)).findFirst().flatMap(Call::endReason);
    }
}
