package org.cusax.xmpp.util;

import java.util.concurrent.CompletableFuture;

import org.jivesoftware.smack.SmackFuture;

/** Bridges Smack's futures to {@link CompletableFuture}. */
public final class Futures {
    private Futures() {
    }

    /** A future completed when {@code smack} succeeds or fails, on Smack's callback thread. */
    public static <V, E extends Exception> CompletableFuture<V> of(SmackFuture<V, E> smack) {
        CompletableFuture<V> f = new CompletableFuture<>();
        smack.onSuccess(f::complete).onError(f::completeExceptionally);
        return f;
    }
}
