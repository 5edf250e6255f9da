package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.CallState;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.EndReason;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallHeld;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.port.TransmitResult;
import org.cusax.core.service.Half;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 7081 §4 ("on the phone" presence) without a lock across halves: a stalled XMPP writer never stops
 * call control, and a stalled SIP half never stops chat. The ports here behave like the real adapters in
 * the one way that matters: the SIP port reports call progress while holding its call lock, and every
 * call command takes that lock.
 */
class CusaxClientCrossHalfTest {
    /** Bound for "did not hang"; a deadlock would otherwise hang the build. */
    private static final long BOUND_S = 10;
    private static final Duration WAIT = Duration.ofSeconds(BOUND_S);

    private final CountDownLatch release = new CountDownLatch(1);
    private final EventRecorder recorder = new EventRecorder();
    private final ExecutorService user = Executors.newSingleThreadExecutor();
    private CusaxClient client;

    @AfterEach
    void tearDown() {
        release.countDown();
        user.shutdownNow();
        if (client != null) {
            client.close();
        }
    }

    @Test
    @DisplayName("RFC 7081 §4: an XMPP writer that blocks forever does not stop answer, hold and hang-up")
    void stalledChatDoesNotStopCalls() throws Exception {
        StalledPresenceChatPort chat = new StalledPresenceChatPort(release);
        LockingTelephonyPort telephony = new LockingTelephonyPort();
        start(chat, telephony);

        telephony.ring("in-1");
        run(() -> client.answer("in-1", AudioPlan.silent()));
        assertThat(chat.presenceAsked.await(BOUND_S, TimeUnit.SECONDS)).as("on-the-phone presence reached the port").isTrue();
        run(() -> client.hold("in-1"));
        recorder.await(CallHeld.class, e -> e.call().id().equals("in-1"), WAIT);
        run(() -> client.hangUp("in-1"));
        recorder.await(CallEnded.class, e -> e.call().id().equals("in-1"), WAIT);
        // a second call while the first presence write is still stuck
        telephony.ring("in-2");
        run(() -> client.answer("in-2", AudioPlan.silent()));
        run(() -> client.hangUp("in-2"));
        recorder.await(CallEnded.class, e -> e.call().id().equals("in-2"), WAIT);

        assertThat(telephony.actions).containsExactly("answer in-1", "hold in-1", "hangup in-1", "answer in-2",
                "hangup in-2");
        assertThat(chat.calls.get()).as("one stuck write; later wishes are coalesced behind it").isEqualTo(1);
        release.countDown();
        assertThat(chat.settled(new Presence(Availability.AVAILABLE, ""))).isTrue();
        assertThat(client.liveState().idle()).isTrue();
    }

    @Test
    @DisplayName("RFC 7081 §4: a SIP half stuck in a call command does not stop chat or presence")
    void stalledTelephonyDoesNotStopChat() throws Exception {
        FakeChatPort chat = new FakeChatPort().whenStarted(p -> p.goOnline(ChannelSecurity.plain("SCRAM-SHA-1")));
        LockingTelephonyPort telephony = new LockingTelephonyPort();
        telephony.stallOnHangUp = release;
        start(chat, telephony);
        telephony.ring("in-1");
        run(() -> client.answer("in-1", AudioPlan.silent()));
        Future<?> stuck = user.submit(() -> client.hangUp("in-1")); // blocks inside the SIP half, lock held
        assertThat(telephony.stalled.await(BOUND_S, TimeUnit.SECONDS)).isTrue();

        ChatMessage sent = CompletableFuture.supplyAsync(() -> client.sendChat("bob@cusax.test", "still here"))
                .get(BOUND_S, TimeUnit.SECONDS);
        assertThat(chat.written()).extracting(ChatMessage::id).containsExactly(sent.id());
        chat.receive(new ChatMessage("m-1", "bob@cusax.test", org.cusax.core.chat.Direction.INCOMING, "hello", java.time.Instant.now()));
        recorder.await(ChatMessageReceived.class, e -> e.message().body().equals("hello"), WAIT);
        CompletableFuture.runAsync(() -> client.setPresence(new Presence(Availability.DND, "busy")))
                .get(BOUND_S, TimeUnit.SECONDS);
        assertThat(stuck.isDone()).isFalse();
        release.countDown();
        stuck.get(BOUND_S, TimeUnit.SECONDS);
    }

    private void start(ChatPort chat, TelephonyPort telephony) {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony), new EventBus(),
                new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults(),
                ClientOptions.defaults().withPresence(PresenceSettings.defaults()).withHistory(new InMemoryHistoryStore()));
        client.subscribe(recorder);
        client.start();
    }

    private static void run(Runnable command) throws Exception {
        CompletableFuture.runAsync(command).get(BOUND_S, TimeUnit.SECONDS);
    }

    /** Online chat whose presence writes block until released, like Smack's writer on a stalled socket. */
    private static final class StalledPresenceChatPort implements ChatPort {
        final CountDownLatch presenceAsked = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        private final CountDownLatch release;
        private final List<Presence> shown = new java.util.concurrent.CopyOnWriteArrayList<>();

        StalledPresenceChatPort(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void start(ChatCallbacks callbacks) {
            callbacks.onStatus(ConnectionStatus.online(Half.CHAT, ChannelSecurity.plain("SCRAM-SHA-1")));
        }

        @Override
        public TransmitResult transmit(ChatMessage message) {
            return TransmitResult.SENT_WITHOUT_ACK;
        }

        @Override
        public void setOwnPresence(Presence presence) {
            calls.incrementAndGet();
            presenceAsked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (shown) {
                shown.add(presence);
                shown.notifyAll();
            }
        }

        /** Waits until the last presence written is {@code expected}. */
        boolean settled(Presence expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
            synchronized (shown) {
                while (shown.isEmpty() || !shown.get(shown.size() - 1).equals(expected)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(shown, left);
                }
                return true;
            }
        }

        @Override
        public void stop() {
        }
    }

    /** A SIP half that, like the JAIN-SIP adapter, reports call progress while holding its call lock. */
    private static final class LockingTelephonyPort implements TelephonyPort {
        final List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CountDownLatch stalled = new CountDownLatch(1);
        volatile CountDownLatch stallOnHangUp;
        private volatile TelephonyCallbacks callbacks;

        @Override
        public void start(TelephonyCallbacks callbacks) {
            this.callbacks = callbacks;
            callbacks.onStatus(ConnectionStatus.online(Half.TELEPHONY, ChannelSecurity.plain("digest")));
        }

        synchronized void ring(String id) {
            callbacks.onIncomingCall(id, CallerClaims.fromOnly("sip:bob@cusax.test"));
        }

        @Override
        public synchronized String placeCall(CallRequest request) {
            return request.callId();
        }

        @Override
        public synchronized void answer(String callId, AudioPlan audio) {
            actions.add("answer " + callId);
            callbacks.onCallAnswered(callId);
        }

        @Override
        public synchronized void reject(String callId, int sipStatus) {
            actions.add("reject " + callId);
            callbacks.onCallEnded(callId, EndReason.fromStatus(sipStatus, "rejected"));
        }

        @Override
        public synchronized void hangUp(String callId) {
            actions.add("hangup " + callId);
            CountDownLatch stall = stallOnHangUp;
            if (stall != null) {
                stalled.countDown();
                try {
                    stall.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            callbacks.onCallEnded(callId, EndReason.of(EndReason.Kind.HUNG_UP_LOCALLY, "you hung up"));
        }

        @Override
        public synchronized void hold(String callId) {
            actions.add("hold " + callId);
            callbacks.onCallHeld(callId, true);
        }

        @Override
        public synchronized void resume(String callId) {
            actions.add("resume " + callId);
            callbacks.onCallResumed(callId, true);
        }

        @Override
        public synchronized void sendDtmf(String callId, String digits) {
        }

        @Override
        public void stop() {
        }
    }
}
