package org.cusax.xmpp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.junit.jupiter.api.Test;

/** Incoming one-to-one messages (RFC 6121 §5.2.2) and received carbons (XEP-0280 §6). */
class IncomingChatTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final IncomingChat incoming = new IncomingChat(callbacks, Clock.fixed(NOW, ZoneOffset.UTC));

    private static MessageBuilder from(String id, String from, Message.Type type) throws Exception {
        return StanzaBuilder.buildMessage(id).from(from).to("alice@cusax.test/cusax").ofType(type);
    }

    @Test
    void chatMessageWithABodyReachesTheCoreFromTheBareJid() throws Exception {
        incoming.accept(from("x1", "bob@cusax.test/phone", Message.Type.chat).setBody("hi alice").build());
        assertThat(callbacks.messages()).containsExactly(
                new ChatMessage("x1", "bob@cusax.test", Direction.INCOMING, "hi alice", NOW));
    }

    @Test
    void normalMessagesCountTooButGroupchatAndHeadlineDoNot() throws Exception {
        incoming.accept(from("n1", "bob@cusax.test/a", Message.Type.normal).setBody("normal").build());
        incoming.accept(from("g1", "room@muc.cusax.test/bob", Message.Type.groupchat).setBody("group").build());
        incoming.accept(from("h1", "cusax.test", Message.Type.headline).setBody("news").build());
        assertThat(callbacks.messages()).extracting(ChatMessage::body).containsExactly("normal");
    }

    @Test
    void chatStatesWithoutABodyAreIgnored() throws Exception {
        incoming.accept(from("c1", "bob@cusax.test/a", Message.Type.chat)
                .addExtension(new StandardExtensionElement("composing", "http://jabber.org/protocol/chatstates"))
                .build());
        assertThat(callbacks.messages()).isEmpty();
    }

    @Test
    void aMessageSeenTwiceIsDeliveredOnce() throws Exception {
        Message m = from("dup", "bob@cusax.test/a", Message.Type.chat).setBody("once").build();
        incoming.accept(m);
        incoming.accept(from("dup", "bob@cusax.test/b", Message.Type.chat).setBody("once").build());
        incoming.accept(from("dup", "carol@cusax.test/a", Message.Type.chat).setBody("other sender").build());
        assertThat(callbacks.messages()).extracting(ChatMessage::peer)
                .containsExactly("bob@cusax.test", "carol@cusax.test");
    }

    @Test
    void messageWithoutIdGetsOne() throws Exception {
        Message m = StanzaBuilder.buildMessage().from("bob@cusax.test/a").ofType(Message.Type.chat).setBody("x").build();
        incoming.accept(m);
        assertThat(callbacks.messages()).singleElement().satisfies(c -> assertThat(c.id()).startsWith("in-"));
    }

    @Test
    void receivedCarbonIsIncomingSentCarbonIsNot() throws Exception {
        Message copy = from("k1", "bob@cusax.test/a", Message.Type.chat).setBody("to my other device").build();
        ChatWiring.onCarbon(CarbonExtension.Direction.received, copy, incoming);
        ChatWiring.onCarbon(CarbonExtension.Direction.sent,
                from("k2", "alice@cusax.test/laptop", Message.Type.chat).setBody("I wrote this").build(), incoming);
        assertThat(callbacks.messages()).extracting(ChatMessage::id).containsExactly("k1");
    }
}
