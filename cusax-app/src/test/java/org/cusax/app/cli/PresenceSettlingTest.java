package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.Contact;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.service.Half;
import org.cusax.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * RFC 6121 §4.4.2: the contacts' presences come as a burst after our initial presence; the roster is
 * settled once Chat is online, the details are loaded and nothing changed for the quiet period. Driven
 * by a clock the test moves; no waiting on the wall clock (the poll is zero).
 */
class PresenceSettlingTest {
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "cusax.test",
            "SCRAM-SHA-1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final PresenceSettling settling = new PresenceSettling(clock, QUIET);
    private final Instant deadline = clock.instant().plusSeconds(60);

    @Test
    void settledOnlyOnceOnlineLoadedAndQuietForThePeriod() throws Exception {
        assertThat(settling.await(clock.instant(), Duration.ZERO)).as("nothing known yet").isFalse();
        settling.onEvent(new ContactsLoaded(clock.instant(), 2)); // from the cache, before login
        clock.advance(Duration.ofSeconds(5));
        assertThat(settling.await(clock.instant(), Duration.ZERO)).as("Chat not online yet").isFalse();

        settling.onEvent(new ConnectionChanged(ConnectionStatus.online(Half.CHAT, TLS)));
        clock.advance(Duration.ofMillis(400));
        settling.onEvent(new ContactUpdated(clock.instant(), Contact.of("bob@cusax.test", "Bob")));
        clock.advance(Duration.ofMillis(900));
        assertThat(settling.await(clock.instant(), Duration.ZERO)).as("0.9 s after bob's presence").isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(settling.await(deadline, Duration.ZERO)).as("1 s after the last presence").isTrue();
    }

    @Test
    void chatGoingOfflineAgainIsNotSettled() throws Exception {
        settling.loaded();
        settling.onEvent(new ConnectionChanged(ConnectionStatus.online(Half.CHAT, TLS)));
        settling.onEvent(new ConnectionChanged(ConnectionStatus.offline(Half.CHAT)));
        settling.onEvent(new ConnectionChanged(ConnectionStatus.online(Half.TELEPHONY, TLS)));
        clock.advance(Duration.ofSeconds(30));
        assertThat(settling.await(clock.instant(), Duration.ZERO)).isFalse();
    }
}
