package org.cusax.core.history;

import java.util.List;

/** Where one account's history is kept. Implementations are thread-safe and never throw on I/O trouble (they log it). */
public interface HistoryStore {
    /** Adds one entry at the end. */
    void append(HistoryEntry entry);

    /** Every entry kept, oldest first; what cannot be read is skipped (with a warning). */
    List<HistoryEntry> load();
}
