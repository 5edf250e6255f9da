package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 7081 §3 independence when the SIP server dies: {@code kill -9} of Kamailio (which keeps its
 * registrations in memory only) is noticed on the TLS flow (RFC 5626 §4.4.1 keepalive / connection
 * loss), Telephony re-REGISTERs by itself once Kamailio is back (RFC 3261 §10.2), and Chat is
 * unaffected throughout.
 */
class TelephonyServerLossIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    @Test
    void killingKamailioLeavesChatUpAndTelephonyReRegistersAfterRestart() throws Exception {
        TestUser alice = TB.testbed().createUser("alice");
        TestUser bob = TB.testbed().createUser("bob");
        try (RunningClient a = RunningClient.start(TB.testbed(), alice, SipTransport.TLS);
             RunningClient b = RunningClient.start(TB.testbed(), bob, SipTransport.TLS)) {
            a.await(Half.CHAT, ConnectionState.ONLINE);
            a.await(Half.TELEPHONY, ConnectionState.ONLINE);
            b.await(Half.CHAT, ConnectionState.ONLINE);

            TB.testbed().kamailio().kill9();

            a.await(Half.TELEPHONY, ConnectionState.RECONNECTING, Duration.ofSeconds(60));
            assertThat(a.status(Half.CHAT).state()).isEqualTo(ConnectionState.ONLINE);
            ChatMessage m = a.client().sendChat(bob.jid(), "chat works while SIP is down");
            assertThat(a.client().awaitDelivery(m.id(), Duration.ofSeconds(10))).contains(DeliveryState.ACKNOWLEDGED);
            b.events().await(ChatMessageReceived.class, e -> e.message().body().equals("chat works while SIP is down"),
                    Duration.ofSeconds(10));

            TB.testbed().kamailio().start();

            a.await(Half.TELEPHONY, ConnectionState.ONLINE, Duration.ofSeconds(90));
            assertThat(TB.testbed().kamailio().awaitRegistered(alice.name(), Duration.ofSeconds(10))).isTrue();
            assertThat(TB.testbed().kamailio().probe().options(alice.name())).isEqualTo(200);
            assertThat(a.events().of(ConnectionChanged.class))
                    .noneMatch(e -> e.status().half() == Half.CHAT && e.status().state() != ConnectionState.ONLINE
                            && e.status().state() != ConnectionState.CONNECTING);
        }
    }
}
