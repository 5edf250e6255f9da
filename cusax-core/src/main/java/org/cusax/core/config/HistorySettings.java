package org.cusax.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the call and chat history is kept.
 *
 * @param dir the history directory (one sub-directory per account); empty = kept for the session only
 */
public record HistorySettings(Optional<Path> dir) {
    public HistorySettings {
        dir = dir == null ? Optional.empty() : dir;
    }

    public static HistorySettings none() {
        return new HistorySettings(Optional.empty());
    }
}
