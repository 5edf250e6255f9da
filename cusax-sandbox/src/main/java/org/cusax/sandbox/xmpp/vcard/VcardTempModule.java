package org.cusax.sandbox.xmpp.vcard;

import java.util.List;

import org.apache.vysper.xmpp.modules.DefaultDiscoAwareModule;
import org.apache.vysper.xmpp.modules.servicediscovery.management.Feature;
import org.apache.vysper.xmpp.modules.servicediscovery.management.InfoElement;
import org.apache.vysper.xmpp.modules.servicediscovery.management.InfoRequest;
import org.apache.vysper.xmpp.modules.servicediscovery.management.ServerInfoRequestListener;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceHandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;

/**
 * vcard-temp (XEP-0054) for the sandbox, replacing Vysper 0.7's module: in-memory store, vCards
 * answered as XML. Announces {@code vcard-temp} in the server's disco#info (XEP-0054 §4).
 */
public final class VcardTempModule extends DefaultDiscoAwareModule implements ServerInfoRequestListener {
    private final VcardTempStore store;

    public VcardTempModule(VcardTempStore store) {
        this.store = store;
    }

    @Override
    public String getName() {
        return "XEP-0054 vcard-temp (cusax sandbox)";
    }

    @Override
    public String getVersion() {
        return "1.0";
    }

    @Override
    protected void addServerInfoRequestListeners(List<ServerInfoRequestListener> listeners) {
        listeners.add(this);
    }

    @Override
    public List<InfoElement> getServerInfosFor(InfoRequest request) {
        return request.getNode() == null || request.getNode().isEmpty()
                ? List.of(new Feature(NamespaceURIs.VCARD_TEMP)) : null;
    }

    @Override
    protected void addHandlerDictionaries(List<HandlerDictionary> dictionaries) {
        dictionaries.add(new NamespaceHandlerDictionary(NamespaceURIs.VCARD_TEMP, new VcardTempHandler(store)));
    }
}
