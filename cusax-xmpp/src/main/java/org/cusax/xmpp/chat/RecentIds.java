package org.cusax.xmpp.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set that forgets the oldest entries first. Thread-safe. */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return true if the id was not there yet */
    synchronized boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    synchronized boolean remove(String id) {
        return ids.remove(id) != null;
    }
}
