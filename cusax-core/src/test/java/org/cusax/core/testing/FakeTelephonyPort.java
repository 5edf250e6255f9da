package org.cusax.core.testing;

import java.time.Duration;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.service.Half;

/** A scriptable SIP half. */
public final class FakeTelephonyPort implements TelephonyPort {
    private volatile TelephonyCallbacks callbacks;
    private volatile boolean stopped;
    private final java.util.concurrent.CountDownLatch stopLatch = new java.util.concurrent.CountDownLatch(1);
    private volatile java.util.function.Consumer<FakeTelephonyPort> whenStarted = p -> { };
    private volatile RuntimeException failOnStart;
    private final java.util.Map<String, AudioPlan> answerPlans = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<CallRequest> whenCallPlaced = r -> { };
    private volatile java.util.function.Consumer<String> whenHungUp = id -> { };
    private final java.util.List<CallRequest> placed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void start(TelephonyCallbacks callbacks) {
        this.callbacks = callbacks;
        whenStarted.accept(this);
        if (failOnStart != null) {
            throw failOnStart;
        }
    }

    private final java.util.List<Boolean> callInfo = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void setCallInfo(boolean on) {
        callInfo.add(on);
    }

    @Override
    public void setFeatures(org.cusax.core.account.Features features) {
        actions.add("features calling=" + features.calling() + " im=" + features.imAndPresence());
    }

    /** Every Call-Info switch the client made, in order. */
    public java.util.List<Boolean> callInfoSwitches() {
        return java.util.List.copyOf(callInfo);
    }

    @Override
    public void stop() {
        stopped = true;
        stopLatch.countDown();
    }

    public void failOnStart(RuntimeException e) {
        failOnStart = e;
    }

    public void register(ChannelSecurity security) {
        callbacks.onStatus(ConnectionStatus.online(Half.TELEPHONY, security));
    }

    public void fail(FailureReason reason) {
        callbacks.onStatus(ConnectionStatus.failed(Half.TELEPHONY, reason));
    }

    public void lose(FailureReason reason) {
        callbacks.onStatus(ConnectionStatus.reconnecting(Half.TELEPHONY, reason, 1, Duration.ofSeconds(1)));
    }

    /** Runs when the client starts this port (e.g. to go online at once). */
    public FakeTelephonyPort whenStarted(java.util.function.Consumer<FakeTelephonyPort> action) {
        whenStarted = action;
        return this;
    }

    public boolean started() {
        return callbacks != null;
    }

    /** Waits until {@link #stop()} was called (by another thread); true if it was. */
    public boolean awaitStopped(java.time.Duration timeout) throws InterruptedException {
        return stopLatch.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public String placeCall(CallRequest request) {
        placed.add(request);
        actions.add("invite " + request.callId() + " " + request.target());
        whenCallPlaced.accept(request);
        return request.callId();
    }

    @Override
    public void answer(String callId, AudioPlan audio) {
        answerPlans.put(callId, audio);
        actions.add("answer " + callId);
    }

    /** The audio plan each incoming call was answered with. */
    public java.util.Map<String, AudioPlan> answerPlans() {
        return answerPlans;
    }

    @Override
    public void reject(String callId, int sipStatus) {
        actions.add("reject " + callId + " " + sipStatus);
    }

    @Override
    public void hangUp(String callId) {
        actions.add("hangup " + callId);
        whenHungUp.accept(callId);
    }

    @Override
    public void hold(String callId) {
        actions.add("hold " + callId);
    }

    @Override
    public void resume(String callId) {
        actions.add("resume " + callId);
    }

    @Override
    public void sendDtmf(String callId, String digits) {
        actions.add("dtmf " + callId + " " + digits);
    }

    @Override
    public void mute(String callId, boolean muted) {
        actions.add((muted ? "mute " : "unmute ") + callId);
    }

    @Override
    public void switchAudioDevices(String callId, java.util.Optional<String> input, java.util.Optional<String> output) {
        actions.add("audio-devices " + callId + " " + input.orElse("-") + " " + output.orElse("-"));
    }

    /** Runs when the client places a call (e.g. to ring and answer it at once). */
    public FakeTelephonyPort whenCallPlaced(java.util.function.Consumer<CallRequest> action) {
        whenCallPlaced = action;
        return this;
    }

    /** Runs when the client hangs up a call (e.g. to report its end). */
    public FakeTelephonyPort whenHungUp(java.util.function.Consumer<String> action) {
        whenHungUp = action;
        return this;
    }

    /** What the client asked of this port, in order (e.g. {@code "reject ID 486"}). */
    public java.util.List<String> actions() {
        return java.util.List.copyOf(actions);
    }

    public java.util.List<CallRequest> placedCalls() {
        return java.util.List.copyOf(placed);
    }

    /** The port's view of the SIP side, for scripting call progress. */
    public TelephonyCallbacks callbacks() {
        return callbacks;
    }

    public void endCall(String callId, EndReason reason) {
        callbacks.onCallEnded(callId, reason);
    }
}
