package org.cusax.xmpp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.xmpp.testing.RecordingCallbacks;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Matching XEP-0198 acks and RFC 6120 §8.3 error replies to the messages we sent. */
class DeliveryTrackerTest {
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final DeliveryTracker tracker = new DeliveryTracker(callbacks);

    private static Message chat(String id) {
        return StanzaBuilder.buildMessage(id).ofType(Message.Type.chat).setBody("x").build();
    }

    private static Message error(String id, StanzaError.Condition condition, String text) throws Exception {
        StanzaError.Builder e = StanzaError.getBuilder(condition);
        if (text != null) {
            e.setDescriptiveEnText(text);
        }
        return StanzaBuilder.buildMessage(id).from(JidCreate.from("bob@cusax.test")).ofType(Message.Type.error)
                .setError(e.build()).build();
    }

    @Test
    void onlyOurMessagesAreReportedAcknowledged() {
        tracker.expect(chat("m1"), true);
        tracker.acknowledged(chat("other"));
        tracker.acknowledged(StanzaBuilder.buildPresence("m1").build()); // same id, but not a message
        assertThat(callbacks.acknowledged()).isEmpty();
        tracker.acknowledged(chat("m1"));
        assertThat(callbacks.acknowledged()).containsExactly("m1");
    }

    @Test
    void errorReplyFailsTheMessageEvenAfterItsAck() throws Exception {
        tracker.expect(chat("m2"), true);
        tracker.acknowledged(chat("m2"));
        tracker.errorReply(error("m2", StanzaError.Condition.service_unavailable, null));
        assertThat(callbacks.failed()).containsExactly(
                "m2: the recipient's server does not accept this message (service-unavailable)");
    }

    @Test
    void errorTextIsIncluded() throws Exception {
        tracker.expect(chat("m3"), false);
        tracker.errorReply(error("m3", StanzaError.Condition.item_not_found, "no such user"));
        assertThat(callbacks.failed()).containsExactly(
                "m3: the recipient does not exist or cannot receive messages (item-not-found: no such user)");
    }

    @Test
    void errorForAMessageWeDidNotSendIsIgnored() throws Exception {
        tracker.errorReply(error("stranger", StanzaError.Condition.forbidden, null));
        assertThat(callbacks.failed()).isEmpty();
    }

    @Test
    void forgottenMessageIsNeitherAckedNorFailed() throws Exception {
        tracker.expect(chat("m4"), true);
        tracker.forget("m4");
        tracker.acknowledged(chat("m4"));
        tracker.errorReply(error("m4", StanzaError.Condition.forbidden, null));
        assertThat(callbacks.acknowledged()).isEmpty();
        assertThat(callbacks.failed()).isEmpty();
    }

    @Test
    void messagesAwaitingTheirAckWhenTheStreamIsDroppedAreSetAsideInOrder() {
        tracker.expect(chat("a"), true);
        tracker.expect(chat("b"), true);
        tracker.expect(chat("c"), true);
        tracker.acknowledged(chat("b"));
        tracker.expect(chat("noack"), false); // a stream without acks: nothing to wait for
        tracker.streamDropped();
        assertThat(tracker.takeDropped()).extracting(Message::getStanzaId).containsExactly("a", "c");
        assertThat(tracker.takeDropped()).isEmpty();
        tracker.acknowledged(chat("a")); // an ack for the dropped stream's count cannot come; if one did, not reported
        assertThat(callbacks.acknowledged()).containsExactly("b");
    }

    @Test
    void aDroppedMessageTheServerRefusedMeanwhileIsNotWrittenAgain() throws Exception {
        tracker.expect(chat("refused"), true);
        tracker.expect(chat("kept"), true);
        tracker.streamDropped();
        tracker.errorReply(error("refused", StanzaError.Condition.service_unavailable, null));
        assertThat(tracker.takeDropped()).extracting(Message::getStanzaId).containsExactly("kept");
        assertThat(callbacks.failed()).hasSize(1);
    }

    @Test
    void messagesThatCouldNotBeWrittenAgainGoBeforeThoseDroppedSince() {
        tracker.expect(chat("new"), true);
        tracker.streamDropped();
        tracker.keepDropped(java.util.List.of(chat("old1"), chat("old2")));
        assertThat(tracker.takeDropped()).extracting(Message::getStanzaId).containsExactly("old1", "old2", "new");
    }

    @Test
    void anAckReadJustBeforeTheStreamClosedCountsEvenIfReportedAfterTheClose() {
        // Smack hands acks to its listeners on another thread: the close may be handled first
        tracker.expect(chat("late"), true);
        tracker.streamDropped();
        tracker.acknowledged(chat("late"));
        assertThat(callbacks.acknowledged()).containsExactly("late");
        assertThat(tracker.takeDropped()).as("not written again").isEmpty();
    }

    @Test
    void theWaitForAcksBeforeALogoutEndsWithTheLastAck() throws Exception {
        assertThat(tracker.awaitAcknowledged(java.time.Duration.ZERO)).as("nothing awaited").isTrue();
        tracker.expect(chat("a"), true);
        tracker.expect(chat("b"), true);
        tracker.expect(chat("noack"), false);
        Thread acker = new Thread(() -> {
            tracker.acknowledged(chat("a"));
            tracker.acknowledged(chat("b"));
        });
        acker.start();
        assertThat(tracker.awaitAcknowledged(java.time.Duration.ofMinutes(5))).isTrue();
        acker.join();
        assertThat(callbacks.acknowledged()).containsExactly("a", "b");
    }

    @Test
    void theWaitForAcksGivesUpAfterItsTimeoutOrWhenTheStreamIsDropped() throws Exception {
        tracker.expect(chat("never"), true);
        assertThat(tracker.awaitAcknowledged(java.time.Duration.ofMillis(20))).isFalse();

        var result = new java.util.concurrent.atomic.AtomicReference<Boolean>();
        Thread waiter = new Thread(() -> {
            try {
                result.set(tracker.awaitAcknowledged(java.time.Duration.ofHours(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
            Thread.onSpinWait();
        }
        tracker.streamDropped();
        waiter.join(java.time.Duration.ofSeconds(30).toMillis());
        assertThat(waiter.isAlive()).as("the wait ended with the stream, not after an hour").isFalse();
        assertThat(result.get()).isFalse();
    }

    @Test
    void unconfirmedMessagesAreTakenSetAsideFirstThenAwaitingOldestFirst() {
        tracker.expect(chat("old"), true);
        tracker.streamDropped();
        tracker.expect(chat("new1"), true);
        tracker.expect(chat("acked"), true);
        tracker.expect(chat("new2"), true);
        tracker.acknowledged(chat("acked"));
        assertThat(tracker.takeUnconfirmed()).extracting(Message::getStanzaId).containsExactly("old", "new1", "new2");
        assertThat(tracker.takeUnconfirmed()).isEmpty();
        assertThat(tracker.takeDropped()).isEmpty();
    }
}
