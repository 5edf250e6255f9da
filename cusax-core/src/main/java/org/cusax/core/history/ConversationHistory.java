package org.cusax.core.history;

import java.util.Comparator;
import java.util.List;
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
        List<HistoryEntry> all = store.load().stream()
                .filter(e -> jid.isEmpty() || e.contact().map(c -> c.equalsIgnoreCase(jid.get())).orElse(false))
                .sorted(Comparator.comparing(HistoryEntry::at))
                .toList();
        return limit > 0 && all.size() > limit ? all.subList(all.size() - limit, all.size()) : all;
    }
}
