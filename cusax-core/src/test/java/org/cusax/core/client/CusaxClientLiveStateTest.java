package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.call.CallState;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.EndReason;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.EventBus;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.port.RosterItem;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Live state only: what has ended (calls, caller bindings, chat deliveries) leaves memory; the history keeps it. */
class CusaxClientLiveStateTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int CALLS = 3 * CallBook.RECENTLY_ENDED;

    private final FakeChatPort chat = new FakeChatPort().whenStarted(p -> p.goOnline(ChannelSecurity.plain("SCRAM-SHA-1")));
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();
    private final InMemoryHistoryStore store = new InMemoryHistoryStore();
    private CusaxClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    private void start() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony), new EventBus(),
                new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults(),
                ClientOptions.defaults().withPresence(PresenceSettings.defaults()).withHistory(store)
                        .withChatWork(Runnable::run));
        client.subscribe(recorder);
        client.start();
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both")));
        chat.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL")));
        chat.callbacks().onContactsLoaded(1);
    }

    @Test
    @DisplayName("ended calls and their caller bindings leave memory; the history has every one, bound to its contact")
    void endedCallsLeaveMemory() throws Exception {
        start();
        for (int i = 0; i < CALLS; i++) {
            String id = "in-" + i;
            telephony.callbacks().onIncomingCall(id, new CallerClaims("sip:+33612345678@cusax.test;user=phone", "Bob",
                    List.of(), false, List.of("xmpp:bob@cusax.test"), List.of()));
            telephony.callbacks().onCallAnswered(id);
            telephony.callbacks().onCallHeld(id, false);
            assertThat(client.liveState().calls()).isEqualTo(1);
            assertThat(client.liveState().callsUp()).isEqualTo(1);
            telephony.endCall(id, EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
            telephony.callbacks().onCallHeld(id, true); // late report for an ended call: nothing to keep
        }
        String last = "in-" + (CALLS - 1);
        recorder.await(CallEnded.class, e -> e.call().id().equals(last), WAIT);
        assertThat(client.awaitCall(last, CallState.ENDED, WAIT)).hasValueSatisfying(
                c -> assertThat(c.state()).isEqualTo(CallState.ENDED));
        assertThat(client.calls()).hasSize(CallBook.RECENTLY_ENDED); // bounded window, not every call
        assertThat(client.liveState().idle()).as(client.liveState().toString()).isTrue();
        List<CallRecord> records = store.load().stream().filter(CallRecord.class::isInstance).map(CallRecord.class::cast).toList();
        assertThat(records).hasSize(CALLS).allSatisfy(r -> assertThat(r.contact()).contains("bob@cusax.test"));
    }

    @Test
    @DisplayName("finished chat deliveries leave memory; a refused one too")
    void finishedDeliveriesLeaveMemory() throws Exception {
        start();
        ChatMessage acked = client.sendChat("bob@cusax.test", "one");
        assertThat(client.liveState().pendingDeliveries()).isEqualTo(1);
        assertThat(client.liveState().deliveryWaiters()).isEqualTo(1);
        chat.acknowledge(acked.id());
        chat.rejectNext();
        ChatMessage refused = client.sendChat("bob@cusax.test", "two");
        assertThat(client.awaitDelivery(acked.id(), WAIT)).contains(DeliveryState.ACKNOWLEDGED);
        assertThat(client.awaitDelivery(refused.id(), WAIT)).contains(DeliveryState.FAILED);
        assertThat(client.liveState().idle()).as(client.liveState().toString()).isTrue();
    }
}
