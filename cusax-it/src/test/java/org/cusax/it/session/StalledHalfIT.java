package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.EndReason;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallHeld;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.relay.TcpRelay;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 7081 §3 independence under a stall, against real Prosody and Kamailio: a relay between the client and
 * one server stops forwarding (connections open, nothing moves). A stalled XMPP stream, with Smack's
 * writer blocked behind a full queue, does not stop the SIP half from answering, holding and hanging up a
 * call (the caller sees the 200, the hold re-INVITE and the BYE); a stalled SIP path does not stop chat.
 */
class StalledHalfIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Enough to fill the relay's and the client's socket buffers and Smack's stanza queue. */
    private static final int FLOOD = 3_000;
    private static final String BIG = "x".repeat(8_000);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    @Test
    void aStalledXmppStreamDoesNotStopCallControl() throws Exception {
        TestUser alice = TB.testbed().createUser("alice");
        TestUser bob = TB.testbed().createUser("bob");
        AtomicInteger flooded = new AtomicInteger();
        Thread flood;
        try (RunningClient b = RunningClient.start(TB.testbed(), bob, SipTransport.TCP);
             TcpRelay relay = new TcpRelay(TB.testbed().prosody().c2sPort());
             RunningClient a = RunningClient.start(TB.testbed(), alice, SipTransport.TCP,
                     Map.of("xmpp.port", String.valueOf(relay.port())))) {
            a.await(Half.CHAT, ConnectionState.ONLINE);
            a.await(Half.TELEPHONY, ConnectionState.ONLINE);
            b.await(Half.TELEPHONY, ConnectionState.ONLINE);

            relay.pause();
            flood = new Thread(() -> {
                for (int i = 0; i < FLOOD; i++) {
                    a.client().sendChat(bob.jid(), BIG);
                    flooded.incrementAndGet();
                }
            }, "xmpp-flood");
            flood.setDaemon(true);
            flood.start();

            Call call = b.client().placeCall(alice.sipAor(), AudioPlan.silent());
            IncomingCall incoming = a.events().await(IncomingCall.class, e -> true, WAIT);
            String id = incoming.call().id();
            bounded(() -> a.client().answer(id, AudioPlan.silent())); // "on the phone" presence: to the stalled stream
            b.events().await(CallAnswered.class, e -> e.call().id().equals(call.id()), WAIT);
            // our side is up once the caller's ACK came (RFC 3261 §13.3.1.4); before it, hold is refused (ringing)
            a.events().await(CallAnswered.class, e -> e.call().id().equals(id), WAIT);
            bounded(() -> a.client().hold(id));
            assertThat(b.events().await(CallHeld.class, e -> e.call().id().equals(call.id()), WAIT).byUs()).isFalse();
            bounded(() -> a.client().hangUp(id));
            CallEnded ended = b.events().await(CallEnded.class, e -> e.call().id().equals(call.id()), WAIT);
            assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);

            assertThat(flood.isAlive()).as("the XMPP writer was stalled throughout (%d of %d messages handed over)",
                    flooded.get(), FLOOD).isTrue();
            assertThat(a.client().liveState().calls()).isZero();
        }
    }

    /** A call command that must return even if the other half is stuck (a hang would fail here, not hang the build). */
    private static void bounded(Runnable command) throws Exception {
        java.util.concurrent.CompletableFuture.runAsync(command).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aStalledSipPathDoesNotStopChat() throws Exception {
        TestUser alice = TB.testbed().createUser("carol");
        TestUser bob = TB.testbed().createUser("dave");
        try (RunningClient b = RunningClient.start(TB.testbed(), bob, SipTransport.TCP);
             TcpRelay relay = new TcpRelay(TB.testbed().kamailio().tcpPort());
             RunningClient a = RunningClient.start(TB.testbed(), alice, SipTransport.TCP,
                     Map.of("sip.proxy.port", String.valueOf(relay.port())))) {
            a.await(Half.CHAT, ConnectionState.ONLINE);
            a.await(Half.TELEPHONY, ConnectionState.ONLINE);
            b.await(Half.CHAT, ConnectionState.ONLINE);

            relay.pause();
            Call stuck = a.client().placeCall(bob.sipAor(), AudioPlan.silent()); // INVITE into the stalled path
            ChatMessage out = a.client().sendChat(bob.jid(), "from carol while SIP is stalled");
            assertThat(b.events().await(ChatMessageReceived.class,
                    e -> e.message().body().equals(out.body()), WAIT).message().peer()).isEqualTo(alice.jid());
            b.client().sendChat(alice.jid(), "from dave");
            a.events().await(ChatMessageReceived.class, e -> e.message().body().equals("from dave"), WAIT);
            a.client().setPresence(new Presence(Availability.AWAY, "stalled SIP"));
            a.client().hangUp(stuck.id());
            assertThat(b.events().of(IncomingCall.class)).as("the INVITE never got through").isEmpty();
        }
    }
}
