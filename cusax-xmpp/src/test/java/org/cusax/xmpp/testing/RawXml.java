package org.cusax.xmpp.testing;

import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.XmlEnvironment;

/**
 * Raw text written to a stream as is, e.g. the start of a stanza that never ends: the server's parser then stays
 * inside it and swallows, unanswered, whatever the client writes after it (how a stream the server no longer reads
 * looks from the client).
 */
public record RawXml(String xml) implements Nonza {
    /** An unfinished {@code <message><body>} to {@code to}: everything written after it goes into its body. */
    public static RawXml unfinishedMessage(String to, String id) {
        return new RawXml("<message to='" + to + "' type='chat' id='" + id + "'><body>");
    }

    @Override
    public String getNamespace() {
        return "jabber:client";
    }

    @Override
    public String getElementName() {
        return "message";
    }

    @Override
    public CharSequence toXML(XmlEnvironment environment) {
        return xml;
    }
}
