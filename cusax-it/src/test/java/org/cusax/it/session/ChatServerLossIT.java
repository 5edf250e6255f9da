package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
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
 * RFC 7081 §3 independence when the XMPP server dies: {@code kill -9} of Prosody leaves Telephony
 * registered and reachable through Kamailio, Chat reconnects by itself with backoff once Prosody is
 * back (RFC 6120 §4.9 stream loss; XEP-0198 §5), and a message the user sent while Chat was down is
 * delivered afterwards.
 */
class ChatServerLossIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    @Test
    void killingProsodyLeavesTelephonyUpAndChatComesBackWithoutLosingMessages() throws Exception {
        TestUser alice = TB.testbed().createUser("alice");
        TestUser bob = TB.testbed().createUser("bob");
        try (RunningClient a = RunningClient.start(TB.testbed(), alice, SipTransport.TLS);
             RunningClient b = RunningClient.start(TB.testbed(), bob, SipTransport.TLS)) {
            a.await(Half.CHAT, ConnectionState.ONLINE);
            a.await(Half.TELEPHONY, ConnectionState.ONLINE);
            b.await(Half.CHAT, ConnectionState.ONLINE);

            TB.testbed().prosody().kill9();

            ConnectionStatus lost = a.await(Half.CHAT, ConnectionState.RECONNECTING);
            assertThat(lost.reason()).isPresent();
            // Telephony is untouched: still registered, and the registrar routes an OPTIONS to us.
            assertThat(a.status(Half.TELEPHONY).state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(TB.testbed().kamailio().probe().options(alice.name())).isEqualTo(200);
            assertThat(a.events().of(ConnectionChanged.class))
                    .noneMatch(e -> e.status().half() == Half.TELEPHONY
                            && e.status().state() != ConnectionState.ONLINE
                            && e.status().state() != ConnectionState.CONNECTING);

            ChatMessage whileDown = a.client().sendChat(bob.jid(), "sent while the chat server was down");
            assertThat(a.client().awaitDelivery(whileDown.id(), Duration.ZERO)).contains(DeliveryState.QUEUED);

            TB.testbed().prosody().start();

            a.await(Half.CHAT, ConnectionState.ONLINE, Duration.ofSeconds(90));
            b.await(Half.CHAT, ConnectionState.ONLINE, Duration.ofSeconds(90));
            assertThat(a.client().awaitDelivery(whileDown.id(), Duration.ofSeconds(20)))
                    .contains(DeliveryState.ACKNOWLEDGED);
            ChatMessageReceived got = b.events().await(ChatMessageReceived.class,
                    e -> e.message().body().equals("sent while the chat server was down"), Duration.ofSeconds(30));
            assertThat(got.message().peer()).isEqualTo(alice.jid());
            assertThat(a.status(Half.TELEPHONY).state()).isEqualTo(ConnectionState.ONLINE);
        }
    }
}
