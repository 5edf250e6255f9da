package org.cusax.sandbox.xmpp.pep;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.vysper.xml.fragment.XMLElement;
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
 * PEP (XEP-0163) on the accounts' bare JIDs, the part clients use: publish with node auto-creation
 * (XEP-0060 §7.1, XEP-0163 §3) keeping the last item, retrieval of the last item (XEP-0060 §6.5.7) for
 * the owner and its presence subscribers, and notifications ({@link PepNotifier}). Other pubsub requests
 * (subscribe, configure, delete, …) answer feature-not-implemented. Vysper 0.7's pubsub extension serves
 * a pubsub service component, not PEP, so it is not used.
 */
final class PepHandler extends DefaultIQHandler {
    private static final String PUBSUB = NamespaceURIs.XEP0060_PUBSUB;
    private final PepStore store;

    PepHandler(PepStore store) {
        this.store = store;
    }

    @Override
    protected boolean verifyNamespace(Stanza stanza) {
        return verifyInnerNamespace(stanza, PUBSUB);
    }

    @Override
    protected boolean verifyInnerElement(Stanza stanza) {
        return verifyInnerElementWorker(stanza, "pubsub");
    }

    @Override
    protected Stanza handleSet(IQStanza request, ServerRuntimeContext server, SessionContext session) {
        Entity own = session.getInitiatingEntity().getBareJID();
        Entity target = IqReplies.target(request, own);
        Optional<XMLElement> publish = child(request, "publish");
        if (publish.isEmpty()) {
            return unsupported(request);
        }
        if (!target.equals(own)) {
            return IqReplies.error(request, StanzaErrorType.AUTH, StanzaErrorCondition.FORBIDDEN, Optional.empty());
        }
        String node = publish.get().getAttributeValue("node");
        List<XMLElement> items = publish.get().getInnerElementsNamed("item", PUBSUB);
        if (node == null || node.isEmpty() || items.size() != 1 || items.get(0).getInnerElements().size() != 1) {
            return IqReplies.error(request, StanzaErrorType.MODIFY, StanzaErrorCondition.BAD_REQUEST, Optional.empty());
        }
        String id = Optional.ofNullable(items.get(0).getAttributeValue("id")).filter(s -> !s.isEmpty())
                .orElseGet(() -> UUID.randomUUID().toString());
        PepItem item = store.fromOwner(own, node, new PepItem(id, items.get(0).getInnerElements().get(0)));
        store.publish(own, node, item);
        PepNotifier.notify(server, own, node, item);
        XMLElement answer = new StanzaBuilder("pubsub", PUBSUB)
                .startInnerElement("publish", PUBSUB).addAttribute("node", node)
                .startInnerElement("item", PUBSUB).addAttribute("id", id).endInnerElement()
                .endInnerElement().build();
        return IqReplies.result(request, answer);
    }

    @Override
    protected Stanza handleGet(IQStanza request, ServerRuntimeContext server, SessionContext session) {
        Entity requester = session.getInitiatingEntity().getBareJID();
        Entity owner = IqReplies.target(request, requester);
        Optional<XMLElement> items = child(request, "items");
        if (items.isEmpty()) {
            return unsupported(request);
        }
        AccountManagement accounts = (AccountManagement) server.getStorageProvider(AccountManagement.class);
        if (!owner.isNodeSet() || (accounts != null && !accounts.verifyAccountExists(owner))) {
            return IqReplies.error(request, StanzaErrorType.CANCEL, StanzaErrorCondition.SERVICE_UNAVAILABLE,
                    Optional.empty());
        }
        if (!PepNotifier.mayRead(server, owner, requester)) {
            XMLElement why = new StanzaBuilder("presence-subscription-required", NamespaceURIs.XEP0060_PUBSUB_ERRORS).build();
            return IqReplies.error(request, StanzaErrorType.AUTH, StanzaErrorCondition.NOT_AUTHORIZED, Optional.of(why));
        }
        String node = items.get().getAttributeValue("node");
        Optional<PepItem> last = node == null ? Optional.empty() : store.last(owner, node);
        if (last.isEmpty()) {
            return IqReplies.error(request, StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND, Optional.empty());
        }
        XMLElement answer = new StanzaBuilder("pubsub", PUBSUB)
                .startInnerElement("items", PUBSUB).addAttribute("node", node)
                .startInnerElement("item", PUBSUB).addAttribute("id", last.get().id())
                .addPreparedElement(last.get().payload())
                .endInnerElement().endInnerElement().build();
        return IqReplies.result(request, answer);
    }

    private static Optional<XMLElement> child(IQStanza request, String name) {
        XMLElement pubsub = request.getFirstInnerElement();
        return pubsub.getInnerElementsNamed(name, PUBSUB).stream().findFirst();
    }

    private static Stanza unsupported(IQStanza request) {
        return IqReplies.error(request, StanzaErrorType.CANCEL, StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                Optional.empty());
    }
}
