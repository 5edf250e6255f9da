package org.cusax.xmpp.contacts;

import java.util.concurrent.CompletableFuture;

/** Sends one vCard request without waiting for its answer. The seam between the loader and Smack. */
public interface TelQueries {
    /**
     * Requests {@code kind} of {@code jid}. The future completes with the result (an answer such as
     * item-not-found is a result: no tels), or exceptionally when no answer came.
     */
    CompletableFuture<TelResult> fetch(String jid, TelKind kind);

    /** Whether a failure may succeed if tried again (a timeout), as opposed to a lost connection. */
    default boolean retryable(Throwable failure) {
        return true;
    }
}
