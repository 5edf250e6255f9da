package org.cusax.core.history;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** History kept for the session only (no history directory configured). */
public final class InMemoryHistoryStore implements HistoryStore {
    private final List<HistoryEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(HistoryEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<HistoryEntry> load() {
        return List.copyOf(entries);
    }
}
