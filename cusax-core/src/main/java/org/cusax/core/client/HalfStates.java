package org.cusax.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.security.SecurityGuard;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.service.Half;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last known state of each half and the security guard's decisions on them: records and publishes
 * each change, compares the halves' protection after it, and stops a half the guard keeps down
 * ({@code security.profile = matched}), whose later reports are then ignored.
 */
final class HalfStates {
    private static final Logger LOG = LoggerFactory.getLogger(HalfStates.class);

    private final CusaxLink link;
    private final EventBus events;
    private final Consumer<Half> stopHalf;
    private final Map<Half, ConnectionStatus> states = new EnumMap<>(Half.class);
    private final Set<Half> keptDown = EnumSet.noneOf(Half.class);
    private final SecurityGuard guard;
    private final String sipChannel;
    private SecurityParity lastParity;
    private SecurityParity refusal;
    private boolean started;

    /**
     * What one reported status changed.
     *
     * @param parity         the halves' comparison after it
     * @param parityChanged  whether that comparison differs from the one before
     * @param keptDownStatus the failure of a half the guard has just decided to keep down, or {@code null}
     */
    private record Change(SecurityParity parity, boolean parityChanged, ConnectionStatus keptDownStatus) {
    }

    /** @param stopHalf stops one half; run on a thread of its own, never under a lock */
    HalfStates(CusaxLink link, SecurityProfile securityProfile, EventBus events, Consumer<Half> stopHalf) {
        this.link = link;
        this.events = events;
        this.stopHalf = stopHalf;
        for (Half half : Half.values()) {
            states.put(half, notConfiguredOrOffline(half));
        }
        this.guard = new SecurityGuard(securityProfile);
        this.sipChannel = link.telephony().map(a -> "SIP over " + a.server().transport().name()).orElse("SIP");
        lastParity = parity();
    }

    /** The guard's comparison of the halves as they are now; once it kept a half down, that decision. */
    private SecurityParity parity() {
        return refusal != null ? refusal
                : SecurityParity.evaluate(states.get(Half.CHAT), states.get(Half.TELEPHONY), guard, sipChannel);
    }

    private ConnectionStatus notConfiguredOrOffline(Half half) {
        if (link.account(half).isPresent()) {
            return ConnectionStatus.offline(half);
        }
        return new ConnectionStatus(half, ConnectionState.OFFLINE,
                Optional.of(FailureReason.of(FailureReason.Kind.CONFIGURATION,
                        "no " + half.protocol() + " account is configured")),
                null, Instant.now(), 0, Optional.empty());
    }

    /** The client has started its halves: a configured half still offline is no longer settled. */
    void started() {
        synchronized (states) {
            started = true;
        }
    }

    ServiceStatus status() {
        synchronized (states) {
            return new ServiceStatus(states.get(Half.CHAT), states.get(Half.TELEPHONY), lastParity);
        }
    }

    ServiceStatus awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (states) {
            while (!settled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(states, left);
            }
            return status();
        }
    }

    private boolean settled() {
        return states.values().stream().allMatch(s -> s.state().settled()
                && !(s.state() == ConnectionState.OFFLINE && started && link.account(s.half()).isPresent()));
    }

    /** Records {@code status} and publishes what it changed: the half's state, the parity, a half kept down. */
    void update(ConnectionStatus status) {
        Optional<Change> recorded = record(status);
        if (recorded.isEmpty()) {
            return;
        }
        Change change = recorded.get();
        ConnectionStatus keptDownStatus = change.keptDownStatus();
        if (keptDownStatus == null || keptDownStatus.half() != status.half()) {
            LOG.info("{}: {}{}", status.half().label(), status.state(),
                    status.reason().map(r -> " (" + r.message() + ")").orElse(""));
            events.publish(new ConnectionChanged(status));
        }
        if (keptDownStatus != null) {
            keepDown(keptDownStatus);
        }
        if (change.parityChanged()) {
            SecurityParity parity = change.parity();
            if (!parity.matched()) {
                LOG.warn("security mismatch: {}", parity.explanation());
            }
            events.publish(new SecurityParityChanged(Instant.now(), parity));
        }
    }

    /** security.profile = matched: the weaker half is stopped (on its own thread, never under a lock). */
    private void keepDown(ConnectionStatus failed) {
        LOG.warn("{}: {} ({})", failed.half().label(), failed.state(), failed.reason().map(FailureReason::message)
                .orElse(""));
        events.publish(new ConnectionChanged(failed));
        HalfStopper.start(failed.half(), () -> stopHalf.accept(failed.half()));
    }

    /**
     * Records {@code status} and lets the guard judge the halves after it. Empty when it changes nothing:
     * the same as the last status of its half, or a report from a half the guard keeps down.
     */
    private Optional<Change> record(ConnectionStatus status) {
        synchronized (states) {
            if (keptDown.contains(status.half())) {
                LOG.debug("{} is kept down by the security profile; ignoring {}", status.half().label(), status.state());
                return Optional.empty();
            }
            ConnectionStatus previous = states.get(status.half());
            if (previous.state() == status.state() && previous.reason().equals(status.reason())
                    && previous.security().equals(status.security()) && previous.attempt() == status.attempt()) {
                return Optional.empty();
            }
            states.put(status.half(), status);
            SecurityParity parity = parity();
            ConnectionStatus keptDownStatus = null;
            Optional<Half> refused = parity.decision().refused();
            if (refused.isPresent()) {
                keptDown.add(refused.get());
                refusal = parity;
                keptDownStatus = ConnectionStatus.failed(refused.get(),
                        FailureReason.of(FailureReason.Kind.SECURITY_PROFILE, parity.explanation()));
                states.put(refused.get(), keptDownStatus);
            }
            boolean parityChanged = !parity.equals(lastParity);
            lastParity = parity;
            states.notifyAll();
            return Optional.of(new Change(parity, parityChanged, keptDownStatus));
        }
    }
}
