package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cusax.core.call.CallDirection;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.MatchedBy;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.history.CallOutcome;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.HistoryEntry;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.port.RosterItem;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.Eventually;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 7081 §4–§5 through the command API: caller binding, call → chat, "on the phone", busy, history. */
class CusaxClientIdentityTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Presence ON_THE_PHONE = new Presence(Availability.AWAY, "On the phone");

    private final FakeChatPort chat = new FakeChatPort().whenStarted(p -> p.goOnline(ChannelSecurity.plain("SCRAM-SHA-1")));
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();
    private final InMemoryHistoryStore store = new InMemoryHistoryStore();
    private CusaxClient client;

    private void start(PresenceSettings presence) {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony), new EventBus(),
                new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults(),
                ClientOptions.defaults().withPresence(presence).withHistory(store)
                        .withChatWork(Runnable::run)); // the presence logic, in order; the hand-off itself: CusaxClientCrossHalfTest
        client.subscribe(recorder);
        client.start();
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both")));
        chat.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL")));
        chat.callbacks().onContactsLoaded(1);
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    private static CallerClaims fromBob() {
        return new CallerClaims("sip:+33612345678@cusax.test;user=phone", "Bob", List.of(), false,
                List.of("xmpp:bob@cusax.test"), List.of());
    }

    @Test
    @DisplayName("RFC 7081 §5: the incoming-call event carries the bound contact; chat goes to it from the call")
    void boundCallerAndChatFromTheCall() throws Exception {
        start(PresenceSettings.defaults());
        telephony.callbacks().onIncomingCall("in-1", fromBob());
        IncomingCall in = recorder.await(IncomingCall.class, e -> true, WAIT);
        assertThat(in.caller().contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("bob@cusax.test");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.CALL_INFO);
        });
        assertThat(client.caller("in-1")).contains(in.caller());

        ChatMessage sent = client.chatWithCaller("in-1", "can't talk, typing instead");
        assertThat(sent.peer()).isEqualTo("bob@cusax.test");
        assertThat(chat.written()).extracting(ChatMessage::peer).containsExactly("bob@cusax.test");
    }

    @Test
    @DisplayName("chat from an unbound call is refused with a clear error")
    void noChatWithAnUnboundCaller() {
        start(PresenceSettings.defaults());
        telephony.callbacks().onIncomingCall("in-2", CallerClaims.fromOnly("sip:stranger@elsewhere.test"));
        assertThatThrownBy(() -> client.chatWithCaller("in-2", "hi")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not bound");
        assertThatThrownBy(() -> client.chatWithCaller("nope", "hi")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("RFC 7081 §4: presence shows 'on the phone' while calls are up, restored after the last one")
    void onThePhoneWhileCallsAreUp() throws Exception {
        start(PresenceSettings.defaults());
        telephony.callbacks().onIncomingCall("a", fromBob());
        telephony.callbacks().onIncomingCall("b", CallerClaims.fromOnly("sip:x@elsewhere.test"));
        assertThat(chat.presences()).isEmpty(); // ringing is not "on the phone"
        telephony.callbacks().onCallAnswered("a");
        telephony.callbacks().onCallAnswered("b");
        assertThat(chat.presences()).containsExactly(ON_THE_PHONE);
        telephony.endCall("a", EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
        assertThat(chat.presences()).containsExactly(ON_THE_PHONE);
        telephony.endCall("b", EndReason.of(EndReason.Kind.HUNG_UP_LOCALLY, "bye"));
        assertThat(chat.presences()).containsExactly(ON_THE_PHONE, Presence.of(Availability.AVAILABLE));
    }

    @Test
    @DisplayName("the user's own presence (dnd) is what comes back after the call")
    void chosenPresenceIsRestored() {
        start(PresenceSettings.defaults());
        Presence dnd = new Presence(Availability.DND, "focus");
        telephony.callbacks().onIncomingCall("a", fromBob());
        telephony.callbacks().onCallAnswered("a");
        client.setPresence(dnd); // during the call: remembered, not shown yet
        assertThat(chat.presences()).containsExactly(ON_THE_PHONE);
        telephony.endCall("a", EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
        assertThat(chat.presences()).containsExactly(ON_THE_PHONE, dnd);
    }

    @Test
    @DisplayName("presence.on-the-phone = false: presence untouched by calls")
    void onThePhoneOff() {
        start(new PresenceSettings(false, ON_THE_PHONE, false));
        telephony.callbacks().onIncomingCall("a", fromBob());
        telephony.callbacks().onCallAnswered("a");
        telephony.endCall("a", EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
        assertThat(chat.presences()).isEmpty();
    }

    @Test
    @DisplayName("RFC 3261 §21.4.24: busy-when-on-phone answers a second call with 486, not the first")
    void busyWhenOnThePhone() {
        start(new PresenceSettings(true, ON_THE_PHONE, true));
        telephony.callbacks().onIncomingCall("a", fromBob());
        assertThat(telephony.actions()).isEmpty();
        telephony.callbacks().onCallAnswered("a");
        telephony.callbacks().onIncomingCall("b", CallerClaims.fromOnly("sip:x@elsewhere.test"));
        assertThat(telephony.actions()).containsExactly("reject b 486");
    }

    @Test
    @DisplayName("busy-when-on-phone also refuses calls while our presence is dnd")
    void busyWhenDnd() {
        start(new PresenceSettings(true, ON_THE_PHONE, true));
        client.setPresence(new Presence(Availability.DND, ""));
        telephony.callbacks().onIncomingCall("a", fromBob());
        assertThat(telephony.actions()).containsExactly("reject a 486");
    }

    @Test
    @DisplayName("without busy-when-on-phone a second call rings normally")
    void notBusyByDefault() {
        start(PresenceSettings.defaults());
        telephony.callbacks().onIncomingCall("a", fromBob());
        telephony.callbacks().onCallAnswered("a");
        telephony.callbacks().onIncomingCall("b", CallerClaims.fromOnly("sip:x@elsewhere.test"));
        assertThat(telephony.actions()).isEmpty();
    }

    @Test
    @DisplayName("history: calls with contact and outcome, and chat messages, in one timeline per contact")
    void historyMixesCallsAndChat() throws Exception {
        start(PresenceSettings.defaults());
        telephony.callbacks().onIncomingCall("a", fromBob());
        telephony.callbacks().onCallAnswered("a");
        telephony.endCall("a", EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
        recorder.await(CallEnded.class, e -> e.call().id().equals("a"), WAIT);
        telephony.callbacks().onIncomingCall("m", CallerClaims.fromOnly("sip:x@elsewhere.test"));
        telephony.endCall("m", EndReason.of(EndReason.Kind.CANCELLED, "gave up"));
        recorder.await(CallEnded.class, e -> e.call().id().equals("m"), WAIT);
        client.sendChat("bob@cusax.test", "missed you");
        chat.receive(new ChatMessage("r1", "bob@cusax.test", Direction.INCOMING, "call me", Instant.now()));
        recorder.await(ChatMessageReceived.class, e -> true, WAIT);
        org.cusax.core.testing.EventRecorder flushed = recorder; // events are handled in order; wait for the last
        flushed.await(ChatMessageReceived.class, e -> e.message().id().equals("r1"), WAIT);

        List<HistoryEntry> all = waitForEntries(4);
        assertThat(all).filteredOn(e -> e instanceof CallRecord).extracting(e -> ((CallRecord) e).outcome())
                .containsExactly(CallOutcome.ANSWERED, CallOutcome.MISSED);
        CallRecord first = (CallRecord) all.get(0);
        assertThat(first.contact()).contains("bob@cusax.test");
        assertThat(first.direction()).isEqualTo(CallDirection.INCOMING);

        List<HistoryEntry> bob = client.history(Optional.of("Bob@cusax.test"), 0);
        assertThat(bob).extracting(HistoryEntry::kind).containsExactly("call", "chat", "chat");
        assertThat(bob).filteredOn(e -> e instanceof ChatRecord).extracting(e -> ((ChatRecord) e).body())
                .containsExactly("missed you", "call me");
        assertThat(client.history(Optional.empty(), 1)).hasSize(1);
    }

    private List<HistoryEntry> waitForEntries(int n) {
        Eventually.holds(() -> store.load().size() >= n, WAIT); // the assertions that follow say what is missing
        return client.history(Optional.empty(), 0);
    }
}
