package org.cusax.sandbox.xmpp.pep;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.sandbox.xmpp.tel.DirectoryTels;

/**
 * The PEP nodes of the sandbox's accounts (owner bare JID → node → last item), in memory. The vCard4
 * tels of an account can belong to the user directory (RFC 7081 §3.1–3.2): its vCard4 item (XEP-0292)
 * is then read with the directory's numbers of that moment as its tels, and the user's own publish
 * keeps every property but its tels.
 */
public final class PepStore {
    /** The vCard4 node (XEP-0292 §3) and its xCard namespace (RFC 6351). */
    static final String VCARD4_NODE = "urn:xmpp:vcard4";
    static final String VCARD4_NS = DirectoryTels.VCARD4_NS;
    private final Map<String, Map<String, PepItem>> nodes = new ConcurrentHashMap<>();
    private final Map<String, Supplier<List<PhoneNumber>>> directoryTels = new ConcurrentHashMap<>();

    /**
     * From now on the vCard4 tels of {@code owner} are the directory's: {@code numbers} is asked at every
     * read of the item, so a change in the directory shows at the next one; the user cannot change them.
     */
    public void useDirectoryTels(Entity owner, Supplier<List<PhoneNumber>> numbers) {
        directoryTels.put(key(owner), numbers);
    }

    /**
     * What is stored and sent of the item {@code owner} publishes itself to {@code node}: the item, or for a
     * vCard4 whose tels are the directory's, the item with the directory's tels instead of its own (the
     * change is restored, not refused, so the other properties still change).
     */
    public PepItem fromOwner(Entity owner, String node, PepItem item) {
        return withDirectoryTels(owner, node, item);
    }

    private PepItem withDirectoryTels(Entity owner, String node, PepItem item) {
        XMLElement xcard = item.payload();
        Supplier<List<PhoneNumber>> numbers = directoryTels.get(key(owner));
        if (numbers == null || !VCARD4_NODE.equals(node) || !"vcard".equals(xcard.getName())
                || !VCARD4_NS.equals(xcard.getNamespaceURI())) {
            return item;
        }
        return new PepItem(item.id(), DirectoryTels.withTels(xcard, DirectoryTels::isVcard4Tel,
                DirectoryTels.vcard4(numbers.get(), owner.getDomain())));
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
        return Optional.ofNullable(nodes.getOrDefault(key(owner), Map.of()).get(node))
                .map(item -> withDirectoryTels(owner, node, item));
    }

    /** Every node of {@code owner} with its last item. */
    public Map<String, PepItem> nodes(Entity owner) {
        Map<String, PepItem> last = new HashMap<>();
        nodes.getOrDefault(key(owner), Map.of()).forEach((node, item) -> last.put(node, withDirectoryTels(owner, node, item)));
        return Map.copyOf(last);
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName().toLowerCase(Locale.ROOT);
    }
}
