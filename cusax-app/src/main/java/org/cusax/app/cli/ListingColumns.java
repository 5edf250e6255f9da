package org.cusax.app.cli;

import java.util.List;
import java.util.function.Function;

/**
 * Column widths of the one-line contact listings ({@code cusax roster}, in-process or through the daemon):
 * at least the usual width, wider when an entry of the listing is longer, so that a long display name
 * ("Busy line (demo peer)") does not push the rest of its line out of step with the others. Lines printed
 * one by one as events arrive (the {@code listen} command) use the usual widths.
 */
final class ListingColumns {
    /** The usual width of the JID column. */
    static final int JID = 28;
    /** The usual width of the name column. */
    static final int NAME = 20;

    private ListingColumns() {
    }

    /** {@code usual}, or the longest {@code column} value of {@code rows} if that is longer. */
    static <T> int width(int usual, List<T> rows, Function<T, String> column) {
        return Math.max(usual, rows.stream().map(column).mapToInt(String::length).max().orElse(0));
    }
}
