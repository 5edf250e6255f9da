package org.cusax.sip.registration;

import java.time.Duration;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.port.StatusListener;
import org.cusax.core.service.Half;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the core how the Telephony half is doing. A refresh that changes nothing is not reported
 * again; a listener that throws is logged and does not disturb the SIP half.
 */
public final class StatusReporter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private final StatusListener listener;
    private volatile ConnectionStatus current = ConnectionStatus.offline(Half.TELEPHONY);

    public StatusReporter(StatusListener listener) {
        this.listener = listener;
    }

    public void connecting() {
        report(ConnectionStatus.connecting(Half.TELEPHONY));
    }

    public void online(ChannelSecurity security) {
        if (current.state() == ConnectionState.ONLINE && current.security().equals(security)) {
            return;
        }
        report(ConnectionStatus.online(Half.TELEPHONY, security));
    }

    public void reconnecting(FailureReason reason, int attempt, Duration retryIn) {
        report(ConnectionStatus.reconnecting(Half.TELEPHONY, reason, attempt, retryIn));
    }

    public void failed(FailureReason reason) {
        report(ConnectionStatus.failed(Half.TELEPHONY, reason));
    }

    public void offline() {
        report(ConnectionStatus.offline(Half.TELEPHONY));
    }

    public ConnectionStatus current() {
        return current;
    }

    private synchronized void report(ConnectionStatus status) {
        current = status;
        switch (status.state()) {
            case ONLINE -> LOG.info("Telephony online: {}", status.security().describe());
            case RECONNECTING -> LOG.info("Telephony reconnecting (attempt {} in {} ms): {}", status.attempt(),
                    status.retryIn().map(Duration::toMillis).orElse(0L), status.reason().map(Object::toString).orElse(""));
            case FAILED -> LOG.warn("Telephony failed: {}", status.reason().map(Object::toString).orElse(""));
            default -> LOG.debug("Telephony {}", status.state());
        }
        try {
            listener.onStatus(status);
        } catch (RuntimeException e) {
            LOG.warn("a Telephony status listener failed: {}", e.toString());
        }
    }
}
