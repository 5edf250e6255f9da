package org.cusax.sandbox.xmpp.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLFragment;
import org.apache.vysper.xmpp.addressing.Entity;

/**
 * The PEP nodes of the sandbox's accounts (owner bare JID → node → last item), in memory. The vCard4
 * tels of an account can belong to the operator (the user directory, RFC 7081 §3.1–3.2): the user's own
 * vCard4 publish (XEP-0292) then keeps every property but its tels, which stay as stored.
 */
public final class PepStore {
    /** The vCard4 node (XEP-0292 §3) and its xCard namespace (RFC 6351). */
    static final String VCARD4_NODE = "urn:xmpp:vcard4";
    static final String VCARD4_NS = "urn:ietf:params:xml:ns:vcard-4.0";
    private final Map<String, Map<String, PepItem>> nodes = new ConcurrentHashMap<>();
    private final Set<String> operatorVcard4Tels = ConcurrentHashMap.newKeySet();

    /** From now on the vCard4 tels of {@code owner} are the operator's; the user's own publish keeps them. */
    public void lockVcard4Tels(Entity owner) {
        operatorVcard4Tels.add(key(owner));
    }

    /**
     * What is stored of the item {@code owner} publishes itself to {@code node}: the item, or for a vCard4
     * with operator-owned tels, the item with the tels of the stored vCard4 instead of its own (the
     * change is restored, not refused, so the other properties still change).
     */
    public PepItem fromOwner(Entity owner, String node, PepItem item) {
        XMLElement xcard = item.payload();
        if (!VCARD4_NODE.equals(node) || !operatorVcard4Tels.contains(key(owner))
                || !"vcard".equals(xcard.getName()) || !VCARD4_NS.equals(xcard.getNamespaceURI())) {
            return item;
        }
        List<XMLFragment> children = new ArrayList<>();
        for (XMLFragment f : xcard.getInnerFragments()) {
            if (!(f instanceof XMLElement e && isTel(e))) {
                children.add(f);
            }
        }
        last(owner, node).ifPresent(stored -> stored.payload().getInnerElements().stream()
                .filter(PepStore::isTel).forEach(children::add));
        return new PepItem(item.id(), new XMLElement(xcard.getNamespaceURI(), xcard.getName(),
                xcard.getNamespacePrefix(), xcard.getAttributes(), children));
    }

    private static boolean isTel(XMLElement e) {
        return "tel".equals(e.getName()) && VCARD4_NS.equals(e.getNamespaceURI());
    }

    /** Publishes {@code item} to {@code owner}'s {@code node}, creating the node (XEP-0163 §3 auto-create). */
    public void publish(Entity owner, String node, PepItem item) {
        if (node == null || node.isEmpty()) {
            throw new IllegalArgumentException("a PEP node needs a name");
        }
        nodes.computeIfAbsent(key(owner), k -> new ConcurrentHashMap<>()).put(node, item);
    }

    /** Whether {@code owner} has {@code node}. */
    public boolean exists(Entity owner, String node) {
        return nodes.getOrDefault(key(owner), Map.of()).containsKey(node);
    }

    /** The last item of {@code owner}'s {@code node}. */
    public Optional<PepItem> last(Entity owner, String node) {
        return Optional.ofNullable(nodes.getOrDefault(key(owner), Map.of()).get(node));
    }

    /** Every node of {@code owner} with its last item. */
    public Map<String, PepItem> nodes(Entity owner) {
        return Map.copyOf(nodes.getOrDefault(key(owner), Map.of()));
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName().toLowerCase(Locale.ROOT);
    }
}
