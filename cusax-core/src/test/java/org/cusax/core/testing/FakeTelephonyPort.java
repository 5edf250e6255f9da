package org.cusax.core.testing;

import java.time.Duration;

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
    private volatile java.util.function.Consumer<FakeTelephonyPort> whenStarted = p -> { };
    private volatile RuntimeException failOnStart;

    @Override
    public void start(TelephonyCallbacks callbacks) {
        this.callbacks = callbacks;
        whenStarted.accept(this);
        if (failOnStart != null) {
            throw failOnStart;
        }
    }

    @Override
    public void stop() {
        stopped = true;
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

    public boolean stopped() {
        return stopped;
    }
}
