package org.cusax.sip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.testing.CallRecorder;
import org.cusax.core.testing.Eventually;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.sip.call.CallMedia;

/**
 * Test fixture: two of our SIP ports, Alice and Bob, started against a real registrar (the testbed's
 * Kamailio, the sandbox proxy) and ONLINE, with what each reported. Whoever builds the ports hands them
 * in; {@link #close()} stops both, and {@link #start} does so itself when starting fails half-way.
 */
public final class CallPair implements AutoCloseable {
    public static final Duration SETTLE = Duration.ofSeconds(20);
    public static final Duration WAIT = Duration.ofSeconds(15);

    public final JainSipTelephonyPort alice;
    public final JainSipTelephonyPort bob;
    public final CallRecorder aliceSees = new CallRecorder();
    public final CallRecorder bobSees = new CallRecorder();
    private final String bobAor;

    /** A call Alice placed and Bob answered, as each side knows it. */
    public record Connected(String aliceId, String bobId, CallMedia aliceMedia, CallMedia bobMedia) {
    }

    private CallPair(JainSipTelephonyPort alice, JainSipTelephonyPort bob, String bobAor) {
        this.alice = alice;
        this.bob = bob;
        this.bobAor = bobAor;
    }

    /** Starts both ports and waits until both are registered (RFC 3261 §10). */
    public static CallPair start(JainSipTelephonyPort alice, JainSipTelephonyPort bob, String bobAor)
            throws InterruptedException {
        CallPair pair = new CallPair(alice, bob, bobAor);
        try {
            alice.start(pair.aliceSees);
            bob.start(pair.bobSees);
            pair.aliceSees.status.await(ConnectionState.ONLINE, SETTLE);
            pair.bobSees.status.await(ConnectionState.ONLINE, SETTLE);
            return pair;
        } catch (InterruptedException | RuntimeException | Error e) {
            pair.close();
            throw e;
        }
    }

    /** Alice calls Bob; returns Alice's call id. */
    public String call(AudioPlan plan) {
        return call(bobAor, plan);
    }

    /** Alice calls {@code aor}; returns Alice's call id. */
    public String call(String aor, AudioPlan plan) {
        return alice.placeCall(new CallRequest(UUID.randomUUID().toString(), aor, plan));
    }

    /** Alice calls Bob with her plan, Bob answers with his, and both report the call answered. */
    public Connected connect(AudioPlan alicePlan, AudioPlan bobPlan) throws InterruptedException {
        return answer(call(alicePlan), bobPlan);
    }

    /** Bob answers Alice's call {@code aliceId} with {@code bobPlan}; both report it answered. */
    public Connected answer(String aliceId, AudioPlan bobPlan) throws InterruptedException {
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.answer(incoming.callId(), bobPlan);
        aliceSees.await("answered", WAIT);
        bobSees.await("answered", WAIT);
        return new Connected(aliceId, incoming.callId(), alice.calls().orElseThrow().media(aliceId).orElseThrow(),
                bob.calls().orElseThrow().media(incoming.callId()).orElseThrow());
    }

    /** RFC 4733: Alice sends {@code digits}; Bob reports each, in order and exactly once. */
    public void sendDtmf(Connected call, String digits) throws InterruptedException {
        alice.sendDtmf(call.aliceId(), digits);
        for (char digit : digits.toCharArray()) {
            bobSees.await(s -> s.kind().equals("dtmf") && s.detail().equals(String.valueOf(digit)), WAIT);
        }
        assertThat(bobSees.of("dtmf")).extracting(CallRecorder.Seen::detail)
                .containsExactlyElementsOf(digits.chars().mapToObj(c -> String.valueOf((char) c)).toList());
    }

    /** RFC 3261 §15: Alice hangs up (BYE); she ends it locally, Bob remotely, and both media are closed. */
    public void aliceHangsUp(Connected call) throws InterruptedException {
        alice.hangUp(call.aliceId());
        assertThat(aliceSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
        assertThat(call.aliceMedia().isClosed()).isTrue();
        assertThat(call.bobMedia().isClosed()).isTrue();
    }

    /**
     * Waits until {@code media} has received at least {@code packets} RTP packets of the call (50 = one second
     * of 20 ms audio): the audio a test needs has arrived, however loaded the machine.
     */
    public static void awaitReceived(String what, CallMedia media, long packets) {
        if (!Eventually.holds(() -> media.statistics().rtpPacketsReceived() >= packets, WAIT)) {
            throw new AssertionError(what + ": " + packets + " RTP packets not received within " + WAIT + " (got "
                    + media.statistics().rtpPacketsReceived() + ")");
        }
    }

    /**
     * After a hang-up: waits until both sides' media report every thread ended (the 20 ms tick and the
     * receivers), so their statistics are final; fails if either does not stop.
     */
    public static void awaitMediaStopped(Connected call) {
        if (!Eventually.holds(() -> call.aliceMedia().isStopped() && call.bobMedia().isStopped(), WAIT)) {
            throw new AssertionError("media threads still running after hang-up: alice stopped "
                    + call.aliceMedia().isStopped() + ", bob stopped " + call.bobMedia().isStopped());
        }
    }

    @Override
    public void close() {
        try {
            alice.stop();
        } finally {
            bob.stop();
        }
    }
}
