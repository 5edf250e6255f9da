package org.cusax.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.event.IncomingCall;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;

/**
 * The call part of the demo: alice calls bob over SIP through the proxy, bob answers and records,
 * alice plays a 1 kHz tone, and the recording is analysed so the user sees that sound crossed.
 */
final class DemoCall {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration TALK = Duration.ofSeconds(2);

    private final Consumer<String> say;

    DemoCall(Consumer<String> say) {
        this.say = say;
    }

    /** Returns true when the tone was heard on the other side. */
    boolean run(CusaxClient alice, CusaxClient bob, String bobAor, Path recording) throws Exception {
        AtomicReference<String> incoming = new AtomicReference<>();
        try (AutoCloseable sub = bob.subscribe(e -> {
            if (e instanceof IncomingCall in) {
                incoming.set(in.call().id());
                say.accept("bob    incoming call from " + in.call().remote() + ": answering, recording");
                bob.answer(in.call().id(), AudioPlan.silent().recordingTo(recording));
            }
        })) {
            say.accept("alice  calls " + bobAor + " over SIP and plays a 1 kHz tone");
            Call call = alice.placeCall(bobAor, AudioPlan.silent().playing(new PlaySource.Tone(1000)));
            if (alice.awaitCall(call.id(), CallState.ANSWERED, WAIT).isEmpty()) {
                say.accept("alice  the call was not answered: " + alice.calls().stream()
                        .filter(c -> c.id().equals(call.id())).findFirst().flatMap(Call::endReason)
                        .map(r -> r.message()).orElse("no answer"));
                alice.hangUp(call.id());
                return false;
            }
            say.accept("alice  call answered; talking for " + TALK.toSeconds() + " s");
            Thread.sleep(TALK.toMillis());
            alice.hangUp(call.id());
            alice.awaitCall(call.id(), CallState.ENDED, WAIT);
            String bobCall = incoming.get();
            if (bobCall != null) {
                bob.awaitCall(bobCall, CallState.ENDED, WAIT);
            }
        }
        return analyse(recording);
    }

    private boolean analyse(Path recording) throws IOException {
        short[] pcm = WavFileSource.readAll(recording);
        double hz = SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE);
        Duration active = SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE);
        boolean heard = Math.abs(hz - 1000) <= 20 && active.toMillis() >= 1000;
        say.accept(String.format(Locale.ROOT, "bob    recording analysed: dominant frequency %.0f Hz, %.1f s of sound -> %s",
                hz, active.toMillis() / 1000.0, heard ? "the tone crossed the call" : "NOT the expected tone"));
        return heard;
    }
}
