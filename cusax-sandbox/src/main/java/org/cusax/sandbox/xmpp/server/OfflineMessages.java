package org.cusax.sandbox.xmpp.server;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xmpp.modules.extension.xep0160_offline_storage.AbstractOfflineStorageProvider;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XEP-0160 offline storage in memory: Vysper stores chat/normal messages and subscription requests sent
 * to an account with no available resource and hands them out when it next sends available presence.
 * Replaces Vysper's {@code MemoryOfflineStorageProvider}, whose expiry thread never stops. Bounded per
 * account: past {@link #MAX_PER_ACCOUNT}, the oldest stanza is dropped and that is logged.
 */
public final class OfflineMessages extends AbstractOfflineStorageProvider {
    public static final int MAX_PER_ACCOUNT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(OfflineMessages.class);
    private final Map<String, Deque<Stanza>> stored = new ConcurrentHashMap<>();

    @Override
    protected void storeStanza(Stanza stanza) {
        String to = stanza.getTo().getBareJID().getFullQualifiedName();
        Deque<Stanza> queue = stored.computeIfAbsent(to, k -> new ArrayDeque<>());
        synchronized (queue) {
            if (queue.size() >= MAX_PER_ACCOUNT) {
                queue.removeFirst();
                LOG.warn("offline store for {} is full: the oldest stanza was dropped", to);
            }
            queue.addLast(stanza);
        }
    }

    @Override
    public Collection<Stanza> getStanzasForBareJID(String bareJID) {
        Deque<Stanza> queue = stored.remove(bareJID);
        if (queue == null) {
            return List.of();
        }
        synchronized (queue) {
            return List.copyOf(queue);
        }
    }

    /** How many stanzas wait for {@code bareJid}. */
    public int waiting(String bareJid) {
        Deque<Stanza> queue = stored.get(bareJid);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.size();
        }
    }
}
