package org.cusax.xmpp.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Records every request. Answers at once from {@link #answers} (default: no tels) when {@code immediate},
 * otherwise leaves the futures for the test to complete.
 */
final class FakeTelQueries implements TelQueries {
    record Sent(String jid, TelKind kind, CompletableFuture<TelResult> answer) {
    }

    final List<Sent> sent = new ArrayList<>();
    final Map<String, TelResult> answers = new HashMap<>();
    private final boolean immediate;
    /** What {@link #ready()} says; {@link #open()} sets it and calls the hooks, as the ack gate does. */
    volatile boolean ready = true;
    private final List<Runnable> readyHooks = new ArrayList<>();

    FakeTelQueries(boolean immediate) {
        this.immediate = immediate;
    }

    static String key(String jid, TelKind kind) {
        return jid + "|" + kind;
    }

    @Override
    public synchronized CompletableFuture<TelResult> fetch(String jid, TelKind kind) {
        CompletableFuture<TelResult> f = new CompletableFuture<>();
        sent.add(new Sent(jid, kind, f));
        if (immediate) {
            f.complete(answers.getOrDefault(key(jid, kind), TelResult.EMPTY));
        }
        return f;
    }

    /** A copy of what was sent so far (safe while the contact thread sends more). */
    synchronized List<Sent> sentSoFar() {
        return List.copyOf(sent);
    }

    synchronized int count() {
        return sent.size();
    }

    synchronized long count(TelKind kind) {
        return sent.stream().filter(s -> s.kind() == kind).count();
    }

    synchronized long count(String jid, TelKind kind) {
        return sent.stream().filter(s -> s.jid().equals(jid) && s.kind() == kind).count();
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public synchronized void whenReady(Runnable hook) {
        readyHooks.add(hook);
    }

    /** The transport may take requests again: calls every {@link #whenReady} hook. */
    void open() {
        ready = true;
        List<Runnable> hooks;
        synchronized (this) {
            hooks = List.copyOf(readyHooks);
        }
        hooks.forEach(Runnable::run);
    }

    @Override
    public boolean retryable(Throwable failure) {
        return !(failure instanceof IllegalStateException);
    }
}
