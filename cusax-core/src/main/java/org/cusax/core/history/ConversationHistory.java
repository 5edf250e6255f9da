package org.cusax.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.Jids;

/** Reads a history: everything, or one contact's conversation (calls and chat messages mixed, by time). */
public final class ConversationHistory {
    private final HistoryStore store;

    public ConversationHistory(HistoryStore store) {
        this.store = store;
    }

    /**
     * The newest {@code limit} entries, oldest first.
     *
     * @param contact only this contact's calls and messages (any JID form); empty = all
     * @param limit   at most this many (0 or less = no limit)
     */
    public List<HistoryEntry> entries(Optional<String> contact, int limit) {
        Optional<String> jid = contact.map(Jids::requireBare);
        List<HistoryEntry> all = latestPerMessage(store.load()).stream()
                .filter(e -> jid.isEmpty() || e.contact().map(c -> c.equalsIgnoreCase(jid.get())).orElse(false))
                .sorted(Comparator.comparing(HistoryEntry::at))
                .toList();
        return limit > 0 && all.size() > limit ? all.subList(all.size() - limit, all.size()) : all;
    }

    /**
     * A store is append-only: a message whose fate changed (refused by the server after it was written) is
     * appended again with the same id. The last record of a message replaces the earlier ones, in place.
     */
    static List<HistoryEntry> latestPerMessage(List<HistoryEntry> entries) {
        Map<String, HistoryEntry> byKey = new LinkedHashMap<>();
        int n = 0;
        for (HistoryEntry e : entries) {
            String key = e instanceof ChatRecord c ? "chat " + c.direction() + " " + c.id() : "entry " + n++;
            byKey.put(key, e);
        }
        return new ArrayList<>(byKey.values());
    }
}
