package org.cusax.core.client;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.cusax.core.contact.Jids;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.SubscriptionRequest;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.RosterChangeException;

/**
 * The user's changes to the contact list (RFC 6121 §2.3–2.5) and answers to subscription requests (§3.1.3),
 * run on the XMPP half's executor (a roster IQ waits for the server; no caller's thread and no SIP callback
 * ever does). Holds the requests still waiting for an answer: live state only, a request leaves when it is
 * answered or withdrawn by its sender. Thread-safe.
 */
final class RosterEditor {
    private final Optional<ChatPort> port;
    private final Executor chatWork;
    private final EventBus events;
    private final Set<String> pending = new LinkedHashSet<>();

    RosterEditor(Optional<ChatPort> port, Executor chatWork, EventBus events) {
        this.port = port;
        this.chatWork = chatWork;
        this.events = events;
    }

    CompletableFuture<Void> add(String jid, String name, List<String> groups) {
        String bare = requireBare(jid);
        String n = clean(name);
        List<String> g = groups(groups);
        return run(p -> p.addContact(bare, n, g));
    }

    CompletableFuture<Void> update(String jid, String name, List<String> groups) {
        String bare = requireBare(jid);
        String n = clean(name);
        List<String> g = groups(groups);
        return run(p -> p.updateContact(bare, n, g));
    }

    CompletableFuture<Void> remove(String jid) {
        String bare = requireBare(jid);
        return run(p -> p.removeContact(bare));
    }

    /** Approves or denies a request; answering a JID that asked nothing is allowed (a pre-approval or a refusal). */
    CompletableFuture<Void> answer(String jid, boolean approve) {
        String bare = requireBare(jid);
        return run(p -> p.answerSubscription(bare, approve)).thenRun(() -> {
            boolean was;
            synchronized (this) {
                was = pending.remove(bare);
            }
            if (was) {
                events.publish(new SubscriptionRequest(Instant.now(), bare,
                        approve ? SubscriptionRequest.APPROVED : SubscriptionRequest.DENIED));
            }
        });
    }

    /** An inbound subscribe: kept (once) until answered, and announced. */
    void requested(String jid) {
        Optional<String> bare = Jids.bare(jid);
        if (bare.isEmpty()) {
            return;
        }
        boolean added;
        synchronized (this) {
            added = pending.add(bare.get());
        }
        if (added) {
            events.publish(new SubscriptionRequest(Instant.now(), bare.get(), SubscriptionRequest.PENDING));
        }
    }

    /** An inbound unsubscribe: a request still waiting leaves (nothing to answer any more), and that is announced. */
    void withdrawn(String jid) {
        Optional<String> bare = Jids.bare(jid);
        if (bare.isEmpty()) {
            return;
        }
        boolean removed;
        synchronized (this) {
            removed = pending.remove(bare.get());
        }
        if (removed) {
            events.publish(new SubscriptionRequest(Instant.now(), bare.get(), SubscriptionRequest.WITHDRAWN));
        }
    }

    /** The requests waiting for the user's answer, oldest first. */
    synchronized List<String> pending() {
        return List.copyOf(pending);
    }

    private interface Change {
        void apply(ChatPort port) throws RosterChangeException, InterruptedException;
    }

    private CompletableFuture<Void> run(Change change) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (port.isEmpty()) {
            done.completeExceptionally(new RosterChangeException(RosterChangeException.Kind.NOT_CONNECTED,
                    "no XMPP account is configured: there is no contact list"));
            return done;
        }
        try {
            chatWork.execute(() -> {
                try {
                    change.apply(port.get());
                    done.complete(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done.completeExceptionally(new RosterChangeException(RosterChangeException.Kind.NOT_CONNECTED,
                            "the session is stopping"));
                } catch (RosterChangeException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new RosterChangeException(RosterChangeException.Kind.NOT_CONNECTED,
                    "the session is stopping"));
        }
        return done;
    }

    private static String requireBare(String jid) {
        return Jids.bare(jid == null ? "" : jid).orElseThrow(() -> new IllegalArgumentException("'" + jid
                + "' is not a JID (user@domain)"));
    }

    /** A roster name: stripped, at most 256 characters, no control characters. */
    static String clean(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() > 256 || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a contact name has at most 256 characters and no control characters");
        }
        return n;
    }

    static List<String> groups(List<String> groups) {
        List<String> g = groups == null ? List.of() : groups.stream().map(RosterEditor::clean)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (g.size() > 32) {
            throw new IllegalArgumentException("a contact is in at most 32 groups");
        }
        return g;
    }
}
