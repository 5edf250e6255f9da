package org.cusax.core.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.cusax.core.service.Half;

/**
 * A snapshot of one half's connection.
 *
 * @param half       Chat or Telephony
 * @param state      where it is
 * @param reason     why it is not up (set for FAILED and RECONNECTING, and for OFFLINE after a stop
 *                   caused by an error)
 * @param security   how it is secured (meaningful when ONLINE)
 * @param since      when it entered this state
 * @param attempt    reconnection attempt number (0 when not reconnecting)
 * @param retryIn    delay until the next attempt, while RECONNECTING
 */
public record ConnectionStatus(Half half, ConnectionState state, Optional<FailureReason> reason,
                               ChannelSecurity security, Instant since, int attempt, Optional<Duration> retryIn) {

    public ConnectionStatus {
        if (half == null || state == null) {
            throw new IllegalArgumentException("half and state are required");
        }
        reason = reason == null ? Optional.empty() : reason;
        security = security == null ? ChannelSecurity.unknown() : security;
        since = since == null ? Instant.now() : since;
        retryIn = retryIn == null ? Optional.empty() : retryIn;
    }

    public static ConnectionStatus offline(Half half) {
        return new ConnectionStatus(half, ConnectionState.OFFLINE, Optional.empty(), ChannelSecurity.unknown(),
                Instant.now(), 0, Optional.empty());
    }

    public static ConnectionStatus connecting(Half half) {
        return new ConnectionStatus(half, ConnectionState.CONNECTING, Optional.empty(), ChannelSecurity.unknown(),
                Instant.now(), 0, Optional.empty());
    }

    public static ConnectionStatus online(Half half, ChannelSecurity security) {
        return new ConnectionStatus(half, ConnectionState.ONLINE, Optional.empty(), security, Instant.now(), 0,
                Optional.empty());
    }

    public static ConnectionStatus reconnecting(Half half, FailureReason reason, int attempt, Duration retryIn) {
        return new ConnectionStatus(half, ConnectionState.RECONNECTING, Optional.of(reason), ChannelSecurity.unknown(),
                Instant.now(), attempt, Optional.of(retryIn));
    }

    public static ConnectionStatus failed(Half half, FailureReason reason) {
        return new ConnectionStatus(half, ConnectionState.FAILED, Optional.of(reason), ChannelSecurity.unknown(),
                Instant.now(), 0, Optional.empty());
    }
}
