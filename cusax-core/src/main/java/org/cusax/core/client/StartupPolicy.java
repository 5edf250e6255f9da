package org.cusax.core.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.cusax.core.config.ServicePolicy;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.service.Half;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's service policy (RFC 7081 §2) applied to the session's halves. "Chat after
 * telephony": Chat is started only once Telephony is registered, and is not connected at all when
 * Telephony fails. "All or nothing": when one half fails, the other is taken down and reported failed
 * with the reason, so the user is never half-connected. Starting and stopping a half is posted to the
 * injected executor, never run on the other half's callback thread.
 */
final class StartupPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(StartupPolicy.class);

    /** Starting and stopping one half. */
    record HalfControl(Runnable start, Runnable stop) {
    }

    private final ServicePolicy policy;
    private final Executor executor;
    private final CusaxLink link;
    private final Map<Half, ConnectionStatus> heldDown = new EnumMap<>(Half.class);
    private volatile Map<Half, HalfControl> halves = Map.of();
    private Consumer<ConnectionStatus> report = s -> { };
    private boolean chatStarted;

    StartupPolicy(ServicePolicy policy, Executor executor, CusaxLink link) {
        this.policy = policy;
        this.executor = executor;
        this.link = link;
    }

    /** Starts the configured halves as the policy allows; {@code report} publishes a status. */
    void start(Map<Half, HalfControl> controls, Consumer<ConnectionStatus> report) {
        synchronized (this) {
            this.halves = Map.copyOf(controls);
            this.report = report;
        }
        boolean both = link.chat().isPresent() && link.telephony().isPresent();
        if (policy.allOrNothing() && !both) {
            for (Half half : Half.values()) {
                if (link.account(half).isPresent()) {
                    holdDown(half, "the service policy requires both halves (all or nothing), but no "
                            + half.other().protocol() + " account is configured");
                }
            }
            return;
        }
        if (policy.chatAfterTelephony() && link.chat().isPresent()) {
            if (link.telephony().isEmpty()) {
                holdDown(Half.CHAT, "the service policy connects Chat only once Telephony is registered, "
                        + "and no SIP account is configured");
                return;
            }
            controls.get(Half.TELEPHONY).start().run();
            report.accept(ConnectionStatus.connecting(Half.CHAT));
            LOG.info("Chat waits until Telephony is registered (service policy)");
            return;
        }
        synchronized (this) {
            chatStarted = true;
        }
        controls.values().forEach(c -> c.start().run());
    }

    /**
     * Whether a half's status is published: a half the policy holds down reports only the policy's
     * reason. Also reacts to it: starts Chat once Telephony is up, takes the other half down on failure.
     */
    boolean admit(ConnectionStatus status) {
        Half half = status.half();
        boolean startChat = false;
        String holdOther = null;
        synchronized (this) {
            ConnectionStatus held = heldDown.get(half);
            if (held != null) {
                return held == status;
            }
            if (half == Half.TELEPHONY && status.state() == ConnectionState.ONLINE && !chatStarted
                    && policy.chatAfterTelephony() && halves.containsKey(Half.CHAT)) {
                chatStarted = true;
                startChat = true;
            } else if (status.state() == ConnectionState.FAILED && halves.containsKey(half.other())
                    && !heldDown.containsKey(half.other())) {
                String why = status.reason().map(FailureReason::message).orElse("failed");
                if (policy.allOrNothing()) {
                    holdOther = "not connected: the service policy is all or nothing, and " + half.label()
                            + " failed: " + why;
                } else if (policy.chatAfterTelephony() && half == Half.TELEPHONY && !chatStarted) {
                    holdOther = "not connected: the service policy connects Chat only once Telephony is "
                            + "registered, and Telephony failed: " + why;
                }
            }
        }
        if (startChat) {
            LOG.info("Telephony is registered: starting Chat (service policy)");
            executor.execute(halves.get(Half.CHAT).start());
        }
        if (holdOther != null) {
            Half other = half.other();
            String message = holdOther;
            boolean running;
            synchronized (this) {
                running = other == Half.TELEPHONY || chatStarted;
            }
            executor.execute(() -> {
                holdDown(other, message);
                if (running) {
                    halves.get(other).stop().run();
                }
            });
        }
        return true;
    }

    private void holdDown(Half half, String message) {
        ConnectionStatus failed = ConnectionStatus.failed(half,
                FailureReason.of(FailureReason.Kind.CONFIGURATION, message));
        Consumer<ConnectionStatus> sink;
        synchronized (this) {
            heldDown.put(half, failed);
            sink = report;
        }
        LOG.warn("{}: {}", half.label(), message);
        sink.accept(failed);
    }
}
