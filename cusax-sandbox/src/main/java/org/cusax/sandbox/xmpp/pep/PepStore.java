package org.cusax.sandbox.xmpp.pep;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xmpp.addressing.Entity;

/** The PEP nodes of the sandbox's accounts (owner bare JID → node → last item), in memory. */
public final class PepStore {
    private final Map<String, Map<String, PepItem>> nodes = new ConcurrentHashMap<>();

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
