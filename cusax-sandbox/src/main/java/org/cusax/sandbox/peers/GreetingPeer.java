package org.cusax.sandbox.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.sandbox.sip.SandboxSip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo peer that answers every call, plays the spoken greeting once and hangs up
 * {@code hangUpAfter} after answering (unless the caller hung up first).
 */
public final class GreetingPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GreetingPeer.class);
    /** The greeting lasts about 3.8 s; a little silence after it before the BYE. */
    public static final Duration DEFAULT_HANG_UP_AFTER = Duration.ofSeconds(5);

    private final PeerLine line;
    private final Path greeting;
    private final Duration hangUpAfter;
    private final Map<String, ScheduledFuture<?>> hangUps = new ConcurrentHashMap<>();

    private GreetingPeer(PeerLine line, Path greeting, Duration hangUpAfter) {
        this.line = line;
        this.greeting = greeting;
        this.hangUpAfter = hangUpAfter;
    }

    /**
     * Registers {@code user} (which must exist in the sandbox with {@code password}) and starts
     * answering; the greeting is written to {@code workDir}.
     */
    public static GreetingPeer start(SandboxSip sip, String user, String password, Path workDir,
                                     Duration hangUpAfter, Duration registerWithin)
            throws IOException, InterruptedException {
        Path wav = GreetingAudio.extract(workDir);
        GreetingPeer peer = new GreetingPeer(new PeerLine(sip, user, password, "Greeting", "greeting peer"), wav,
                hangUpAfter);
        peer.line.register(peer.new Callbacks(), registerWithin);
        return peer;
    }

    public String user() {
        return line.user();
    }

    @Override
    public void close() {
        hangUps.values().forEach(f -> f.cancel(false));
        line.close();
    }

    private final class Callbacks implements TelephonyCallbacks {
        @Override
        public void onStatus(ConnectionStatus s) {
            line.statusChanged(s);
        }

        @Override
        public void onIncomingCall(String callId, CallerClaims caller) {
            LOG.info("greeting peer {}: answering {}", line.user(), caller.fromUri());
            line.act("answer", () -> line.port().answer(callId,
                    AudioPlan.silent().playing(new PlaySource.WavFile(greeting))));
        }

        @Override
        public void onCallAnswered(String callId) {
            hangUps.put(callId, line.actLater("hang up", hangUpAfter, () -> {
                hangUps.remove(callId);
                line.port().hangUp(callId);
            }));
        }

        @Override
        public void onCallEnded(String callId, EndReason reason) {
            ScheduledFuture<?> f = hangUps.remove(callId);
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
