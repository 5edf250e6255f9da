package org.cusax.xmpp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.port.TransmitResult;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Writing chat messages (RFC 6121 §5.2) and what the core is told (XEP-0198 §4 acknowledgements). */
class ChatTransmitterTest {
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final DeliveryTracker tracker = new DeliveryTracker(callbacks);

    /** A scriptable stream. */
    static final class FakeLink implements StanzaLink {
        boolean online = true;
        boolean acks = true;
        boolean dropOnSend;
        final List<Message> written = new ArrayList<>();

        @Override
        public boolean online() {
            return online;
        }

        @Override
        public boolean acknowledgements() {
            return acks;
        }

        @Override
        public void send(Message message) throws NotConnectedException {
            if (dropOnSend) {
                throw new NotConnectedException("the connection dropped");
            }
            written.add(message);
        }
    }

    private final FakeLink link = new FakeLink();
    private final ChatTransmitter transmitter = new ChatTransmitter(link, tracker, true);

    @Test
    void writesAChatStanzaWithTheMessageIdAndAwaitsTheAck() {
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", "hello <bob> & co");
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
        assertThat(link.written).hasSize(1);
        Message stanza = link.written.get(0);
        assertThat(stanza.getType()).isEqualTo(Message.Type.chat);
        assertThat(stanza.getStanzaId()).isEqualTo(m.id());
        assertThat(stanza.getTo().toString()).isEqualTo("bob@cusax.test");
        assertThat(stanza.getBody()).isEqualTo("hello <bob> & co");
        assertThat(stanza.toXML().toString()).contains("<body>hello &lt;bob> &amp; co</body>");

        tracker.acknowledged(stanza);
        tracker.acknowledged(stanza); // a second ack (re-sent after a failed resumption) is reported once
        assertThat(callbacks.acknowledged()).containsExactly(m.id());
    }

    @Test
    void withoutStreamManagementTheMessageIsSentWithoutAck() {
        link.acks = false;
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", "hi");
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.SENT_WITHOUT_ACK);
        tracker.acknowledged(link.written.get(0));
        assertThat(callbacks.acknowledged()).isEmpty();
    }

    @Test
    void offlineMeansNotConnectedAndNothingWritten() {
        link.online = false;
        assertThat(transmitter.transmit(ChatMessage.outgoing("bob@cusax.test", "hi")))
                .isEqualTo(TransmitResult.NOT_CONNECTED);
        assertThat(link.written).isEmpty();
        assertThat(callbacks.failed()).isEmpty();
    }

    @Test
    void connectionDroppingDuringTheWriteIsNotConnectedNotAnException() {
        link.dropOnSend = true;
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", "hi");
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.NOT_CONNECTED);
        link.dropOnSend = false;
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.SENT_AWAITING_ACK); // same id, later
        assertThat(link.written).extracting(Message::getStanzaId).containsExactly(m.id());
    }

    @Test
    @DisplayName("RFC 6120 §11.1: markup in a body is text; the stanza parses back to the same body and nothing else")
    void markupInABodyCannotInjectStanzas() throws Exception {
        String body = "</body></message><iq type='set' id='x'><query xmlns='jabber:iq:roster'><item jid='eve@evil'/>"
                + "</query></iq><message><body>&amp;\"'";
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", body);
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.SENT_AWAITING_ACK);
        Message reparsed = (Message) PacketParserUtils.parseStanza(link.written.get(0).toXML().toString());
        assertThat(reparsed.getBody()).isEqualTo(body);
        assertThat(reparsed.getBodies()).hasSize(1);
        assertThat(reparsed.getExtensions()).singleElement().isInstanceOf(Message.Body.class); // Smack 4.4: the body is an extension
    }

    @Test
    @DisplayName("XML 1.0 §2.2: a body with a control character is refused with the reason, never written")
    void aControlCharacterFailsTheMessageInsteadOfEndingTheStream() {
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", "colours \u001b[31mred");
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.REJECTED);
        assertThat(link.written).isEmpty();
        assertThat(callbacks.failed()).containsExactly(m.id()
                + ": the message contains a character XMPP cannot carry (U+001B, a control character)");
        assertThat(transmitter.transmit(ChatMessage.outgoing("bob@cusax.test", "tab\tand\nlines 😀")))
                .isEqualTo(TransmitResult.SENT_AWAITING_ACK);
    }

    @Test
    void invalidAddressFailsTheMessageWithAReason() {
        ChatMessage m = ChatMessage.outgoing("bob@", "hi");
        assertThat(transmitter.transmit(m)).isEqualTo(TransmitResult.REJECTED);
        assertThat(link.written).isEmpty();
        assertThat(callbacks.failed()).containsExactly(m.id() + ": 'bob@' is not a valid XMPP address");
    }

    @Test
    void chatSwitchedOffFailsEveryMessage() {
        ChatTransmitter off = new ChatTransmitter(link, tracker, false);
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", "hi");
        assertThat(off.transmit(m)).isEqualTo(TransmitResult.REJECTED);
        assertThat(link.written).isEmpty();
        assertThat(callbacks.failed()).containsExactly(m.id() + ": chat is switched off for this XMPP account");
    }

    @Test
    void messagesOfADroppedStreamAreWrittenAgainInOrderWithTheirIdsAndAcknowledgedOnTheNewOne() {
        ChatMessage first = ChatMessage.outgoing("bob@cusax.test", "first");
        ChatMessage second = ChatMessage.outgoing("bob@cusax.test", "second");
        transmitter.transmit(first);
        transmitter.transmit(second);
        tracker.streamDropped();
        link.written.clear();

        transmitter.resendDropped();
        assertThat(link.written).extracting(Message::getStanzaId).containsExactly(first.id(), second.id());
        assertThat(link.written).extracting(Message::getBody).containsExactly("first", "second");
        tracker.acknowledged(link.written.get(0));
        tracker.acknowledged(link.written.get(1));
        assertThat(callbacks.acknowledged()).containsExactly(first.id(), second.id());
        transmitter.resendDropped();
        assertThat(link.written).hasSize(2);
    }

    @Test
    void aDroppedMessageThatCannotBeWrittenAgainWaitsForTheNextStream() {
        ChatMessage m = ChatMessage.outgoing("bob@cusax.test", "later");
        transmitter.transmit(m);
        tracker.streamDropped();
        link.written.clear();
        link.dropOnSend = true;
        transmitter.resendDropped();
        assertThat(link.written).isEmpty();
        link.dropOnSend = false;
        transmitter.resendDropped();
        assertThat(link.written).extracting(Message::getStanzaId).containsExactly(m.id());
    }

    @Test
    void messagesUnconfirmedWhenChatIsSwitchedOffAreReportedFailedNotLeftAwaitingTheirAck() {
        ChatMessage dropped = ChatMessage.outgoing("bob@cusax.test", "dropped with the stream");
        transmitter.transmit(dropped);
        tracker.streamDropped();
        ChatMessage awaiting = ChatMessage.outgoing("bob@cusax.test", "awaiting");
        ChatMessage acked = ChatMessage.outgoing("bob@cusax.test", "acked");
        transmitter.transmit(awaiting);
        transmitter.transmit(acked);
        tracker.acknowledged(link.written.get(2));

        transmitter.failUnconfirmed("switched off");
        assertThat(callbacks.failed())
                .containsExactly(dropped.id() + ": switched off", awaiting.id() + ": switched off");
        assertThat(callbacks.acknowledged()).containsExactly(acked.id());
        transmitter.resendDropped();
        assertThat(link.written).as("nothing written again").hasSize(3);
    }

    @Test
    void settlingBeforeALogoutWaitsForNothingWhenOffline() {
        transmitter.transmit(ChatMessage.outgoing("bob@cusax.test", "unacknowledged"));
        link.online = false;
        assertThat(transmitter.settle(java.time.Duration.ofHours(1))).isFalse();
        link.online = true;
        tracker.acknowledged(link.written.get(0));
        assertThat(transmitter.settle(java.time.Duration.ofHours(1))).isTrue();
    }
}
