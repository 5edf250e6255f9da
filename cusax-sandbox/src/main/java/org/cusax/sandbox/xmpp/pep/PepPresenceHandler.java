package org.cusax.sandbox.xmpp.pep;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.modules.core.base.handler.XMPPCoreStanzaHandler;
import org.apache.vysper.xmpp.modules.core.im.handler.PresenceHandler;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Vysper's presence handling, plus: after a session's first available presence broadcast, it is sent
 * the last PEP items of its contacts (XEP-0163 §6.1.1), as a PEP server does for a client that comes
 * online. Registered as a {@link HandlerDictionary} that claims only broadcast available presence
 * (no {@code type}, no {@code to}); every other presence goes to Vysper's handler as before.
 */
final class PepPresenceHandler extends PresenceHandler implements HandlerDictionary {
    private static final String SENT = PepPresenceHandler.class.getName() + ".sent";
    private final PepStore store;

    PepPresenceHandler(PepStore store) {
        this.store = store;
    }

    @Override
    public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext server, boolean isOutboundStanza,
            SessionContext session, SessionStateHolder state) {
        ResponseStanzaContainer answer = super.execute(stanza, server, isOutboundStanza, session, state);
        if (session != null && session.getInitiatingEntity() != null && session.getAttribute(SENT) == null) {
            Entity full = XMPPCoreStanzaHandler.extractUniqueSenderJID(
                    org.apache.vysper.xmpp.stanza.XMPPCoreStanza.getWrapper(stanza), session);
            if (full != null) {
                session.putAttribute(SENT, Boolean.TRUE);
                PepNotifier.lastItems(server, store, full, session);
            }
        }
        return answer;
    }

    @Override
    public void register(StanzaHandler stanzaHandler) {
        throw new UnsupportedOperationException("a fixed dictionary");
    }

    @Override
    public void seal() {
        // always sealed
    }

    @Override
    public StanzaHandler get(Stanza stanza) {
        boolean broadcastAvailable = "presence".equals(stanza.getName()) && stanza.getAttribute("type") == null
                && stanza.getAttribute("to") == null;
        return broadcastAvailable ? this : null;
    }
}
