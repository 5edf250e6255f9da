package org.cusax.sandbox.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sip.JainSipTelephonyPort;
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

    private final String user;
    private final Path greeting;
    private final Duration hangUpAfter;
    private final JainSipTelephonyPort port;
    private final PeerStatus status = new PeerStatus();
    private final Map<String, ScheduledFuture<?>> hangUps = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox greeting peer");
        t.setDaemon(true);
        return t;
    });

    private GreetingPeer(String user, Path greeting, Duration hangUpAfter, JainSipTelephonyPort port) {
        this.user = user;
        this.greeting = greeting;
        this.hangUpAfter = hangUpAfter;
        this.port = port;
    }

    /**
     * Registers {@code user} (which must exist in the sandbox with {@code password}) and starts
     * answering; the greeting is written to {@code workDir}.
     */
    public static GreetingPeer start(SandboxSip sip, String user, String password, Path workDir,
                                     Duration hangUpAfter, Duration registerWithin)
            throws IOException, InterruptedException {
        Path wav = GreetingAudio.extract(workDir);
        GreetingPeer peer = new GreetingPeer(user, wav, hangUpAfter,
                PeerPorts.create(sip, user, password, "Greeting"));
        peer.port.start(peer.new Callbacks());
        try {
            peer.status.awaitOnline(user, registerWithin);
        } catch (RuntimeException | InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        hangUps.values().forEach(f -> f.cancel(false));
        port.stop();
        worker.shutdownNow();
    }

    /** A call may end (caller gone) between the callback and our action: log, never kill the worker. */
    private static void safely(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.info("greeting peer: could not {}: {}", what, e.getMessage());
        }
    }

    private final class Callbacks implements TelephonyCallbacks {
        @Override
        public void onStatus(ConnectionStatus s) {
            status.update(s);
        }

        @Override
        public void onIncomingCall(String callId, org.cusax.core.call.CallerClaims caller) {
            String from = caller.fromUri();
            LOG.info("greeting peer {}: answering {}", user, from);
            worker.execute(() -> safely("answer", () -> port.answer(callId,
                    AudioPlan.silent().playing(new PlaySource.WavFile(greeting)))));
        }

        @Override
        public void onCallAnswered(String callId) {
            hangUps.put(callId, worker.schedule(() -> {
                hangUps.remove(callId);
                safely("hang up", () -> port.hangUp(callId));
            }, hangUpAfter.toMillis(), TimeUnit.MILLISECONDS));
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
