package org.cusax.sandbox.xmpp.server;

import java.util.Optional;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.stanza.IQStanza;
import org.apache.vysper.xmpp.stanza.IQStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.apache.vysper.xmpp.stanza.StanzaErrorCondition;
import org.apache.vysper.xmpp.stanza.StanzaErrorType;

/**
 * IQ answers that come from the address the request was sent to (RFC 6120 §8.2.3), e.g. a contact's
 * bare JID. Vysper's own error helper answers from the server domain, which clients (Smack included)
 * do not match to a request sent to a bare JID, so they would wait until their timeout.
 */
public final class IqReplies {
    private IqReplies() {
    }

    /** A {@code result} carrying {@code child} (or nothing when null). */
    public static Stanza result(IQStanza request, XMLElement child) {
        StanzaBuilder b = StanzaBuilder.createIQStanza(request.getTo(), request.getFrom(), IQStanzaType.RESULT,
                request.getID());
        if (child != null) {
            b.addPreparedElement(child);
        }
        return b.build();
    }

    /** An {@code error} with a defined condition (RFC 6120 §8.3.3) and an optional application condition. */
    public static Stanza error(IQStanza request, StanzaErrorType type, StanzaErrorCondition condition,
            Optional<XMLElement> application) {
        StanzaBuilder b = StanzaBuilder.createIQStanza(request.getTo(), request.getFrom(), IQStanzaType.ERROR,
                request.getID());
        b.startInnerElement("error", NamespaceURIs.JABBER_CLIENT).addAttribute("type", type.value())
                .startInnerElement(condition.value(), NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).endInnerElement();
        application.ifPresent(b::addPreparedElement);
        b.endInnerElement();
        return b.build();
    }

    /** {@code to} if given, else the requester's own account (a request without {@code to} is for one's own account). */
    public static Entity target(IQStanza request, Entity requesterBare) {
        Entity to = request.getTo();
        return to == null ? requesterBare : to.getBareJID();
    }
}
