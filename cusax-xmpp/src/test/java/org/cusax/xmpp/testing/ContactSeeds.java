package org.cusax.xmpp.testing;

import java.util.List;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pubsub.GetItemsRequest;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jxmpp.jid.Jid;

/** What a contact's own client does, for real-server tests: store a vCard, publish to PEP, send presence. */
public final class ContactSeeds {
    private ContactSeeds() {
    }

    /** An IQ whose child element is given as XML. */
    private static final class RawIq extends IQ {
        private final String inner;

        RawIq(String element, String namespace, String inner, Type type, Jid to) {
            super(element, namespace);
            this.inner = inner;
            setType(type);
            setTo(to);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(inner);
            return xml;
        }
    }

    /** Stores our vcard-temp (XEP-0054 §3.2) with the given children. */
    public static void setVcardTemp(XMPPTCPConnection c, String innerXml) throws Exception {
        c.sendIqRequestAndWaitForResponse(new RawIq("vCard", "vcard-temp", innerXml, IQ.Type.set, null));
    }

    /** Publishes one item (id "current") to our PEP node (XEP-0163 §3). */
    public static void publish(XMPPTCPConnection c, String node, ExtensionElement payload) throws Exception {
        c.sendIqRequestAndWaitForResponse(PubSub.createPubsubPacket(null, IQ.Type.set,
                new PublishItem<>(node, new PayloadItem<>("current", payload))));
    }

    /** The items of {@code owner}'s PEP node, as parsed by the registered providers. */
    public static PubSub items(XMPPTCPConnection c, Jid owner, String node) throws Exception {
        return c.sendIqRequestAndWaitForResponse(PubSub.createPubsubPacket(owner, IQ.Type.get,
                new GetItemsRequest(node)));
    }

    /** Sends available presence carrying {@code extensions} (none: a plain presence). */
    public static void presence(XMPPTCPConnection c, List<ExtensionElement> extensions) throws Exception {
        PresenceBuilder b = c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available);
        extensions.forEach(b::addExtension);
        c.sendStanza(b.build());
    }
}
