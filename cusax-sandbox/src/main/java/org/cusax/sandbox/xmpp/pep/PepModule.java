package org.cusax.sandbox.xmpp.pep;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.vysper.xml.fragment.XMLElement;
import org.cusax.provisioning.directory.PhoneNumber;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.modules.DefaultModule;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceHandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;

/**
 * The sandbox's small PEP service (XEP-0163): vCard4 ({@code urn:xmpp:vcard4}, XEP-0292), reachability
 * ({@code urn:xmpp:reach:0}, XEP-0152) or any other node, last item per node, in memory.
 */
public final class PepModule extends DefaultModule {
    private final PepStore store;
    private volatile ServerRuntimeContext server;

    public PepModule(PepStore store) {
        this.store = store;
    }

    @Override
    public String getName() {
        return "XEP-0163 PEP (cusax sandbox)";
    }

    @Override
    public String getVersion() {
        return "1.0";
    }

    @Override
    public void initialize(ServerRuntimeContext serverRuntimeContext) {
        super.initialize(serverRuntimeContext);
        this.server = serverRuntimeContext;
    }

    @Override
    protected void addHandlerDictionaries(List<HandlerDictionary> dictionaries) {
        dictionaries.add(new NamespaceHandlerDictionary(NamespaceURIs.XEP0060_PUBSUB, new PepHandler(store)));
        dictionaries.add(new PepPresenceHandler(store));
    }

    /** The vCard4 tels of {@code owner} are the directory's from now on ({@link PepStore#useDirectoryTels}). */
    public void useDirectoryTels(Entity owner, Supplier<List<PhoneNumber>> numbers) {
        store.useDirectoryTels(owner.getBareJID(), numbers);
    }

    /** The last item of {@code owner}'s {@code node}. */
    public Optional<PepItem> last(Entity owner, String node) {
        return store.last(owner.getBareJID(), node);
    }

    /** Publishes on behalf of {@code owner} (seeding demo data), notifying as a client publish would. */
    public void publish(Entity owner, String node, String itemId, XMLElement payload) {
        PepItem item = new PepItem(itemId, payload);
        store.publish(owner.getBareJID(), node, item);
        ServerRuntimeContext s = server;
        if (s != null) {
            PepNotifier.notify(s, owner.getBareJID(), node, item);
        }
    }
}
