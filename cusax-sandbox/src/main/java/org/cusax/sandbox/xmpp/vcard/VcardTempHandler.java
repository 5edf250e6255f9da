package org.cusax.sandbox.xmpp.vcard;

import java.util.Optional;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLSemanticError;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.modules.core.base.handler.DefaultIQHandler;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.IQStanza;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.apache.vysper.xmpp.stanza.StanzaErrorCondition;
import org.apache.vysper.xmpp.stanza.StanzaErrorType;
import org.cusax.sandbox.xmpp.server.IqReplies;

/**
 * vcard-temp IQs (XEP-0054 §3.1 retrieval, §3.2 update). The stored {@code <vCard/>} is sent back as
 * an XML element (Vysper 0.7's handler sends it as escaped text, which clients cannot read). Anyone
 * logged in may read a vCard; only the owner may replace it. An account without a vCard answers an
 * empty {@code <vCard/>} (allowed by §3.1); a non-existent account answers service-unavailable
 * (RFC 6121 §8.5.1).
 */
final class VcardTempHandler extends DefaultIQHandler {
    private final VcardTempStore store;

    VcardTempHandler(VcardTempStore store) {
        this.store = store;
    }

    @Override
    protected boolean verifyNamespace(Stanza stanza) {
        return verifyInnerNamespace(stanza, NamespaceURIs.VCARD_TEMP);
    }

    @Override
    protected boolean verifyInnerElement(Stanza stanza) {
        return verifyInnerElementWorker(stanza, "vCard");
    }

    @Override
    protected Stanza handleGet(IQStanza request, ServerRuntimeContext server, SessionContext session) {
        Entity target = IqReplies.target(request, session.getInitiatingEntity());
        AccountManagement accounts = (AccountManagement) server.getStorageProvider(AccountManagement.class);
        if (accounts != null && !accounts.verifyAccountExists(target)) {
            return IqReplies.error(request, StanzaErrorType.CANCEL, StanzaErrorCondition.SERVICE_UNAVAILABLE,
                    Optional.empty());
        }
        XMLElement card = store.get(target)
                .orElseGet(() -> new StanzaBuilder("vCard", NamespaceURIs.VCARD_TEMP).build());
        return IqReplies.result(request, card);
    }

    @Override
    protected Stanza handleSet(IQStanza request, ServerRuntimeContext server, SessionContext session) {
        Entity own = session.getInitiatingEntity().getBareJID();
        if (!IqReplies.target(request, own).equals(own)) {
            return IqReplies.error(request, StanzaErrorType.AUTH, StanzaErrorCondition.FORBIDDEN, Optional.empty());
        }
        try {
            store.putFromOwner(own, request.getSingleInnerElementsNamed("vCard", NamespaceURIs.VCARD_TEMP));
        } catch (XMLSemanticError | IllegalArgumentException e) {
            return IqReplies.error(request, StanzaErrorType.MODIFY, StanzaErrorCondition.BAD_REQUEST, Optional.empty());
        }
        return IqReplies.result(request, null);
    }
}
