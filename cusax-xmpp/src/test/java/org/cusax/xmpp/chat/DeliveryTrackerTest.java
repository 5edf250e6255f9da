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
}
