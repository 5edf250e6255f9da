package org.cusax.core.history;

import java.time.Instant;
import java.util.Optional;

/** One item of the conversation history: a call or a chat message. */
public sealed interface HistoryEntry permits CallRecord, ChatRecord {
    /** When it started (call) or was sent/received (message). */
    Instant at();

    /** The roster contact it belongs to (bare JID), if known. */
    Optional<String> contact();

    /** {@code call} or {@code chat}. */
    String kind();
}
