package org.cusax.core.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.cusax.core.contact.Avatar;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Jids;
import org.cusax.core.port.ChatPort;

/**
 * Contacts' pictures, fetched from the XMPP half on its executor when a user interface asks for one, and kept
 * while the contact's photo hash (XEP-0153) stays the same: a new hash fetches again. At most {@link #KEPT}
 * pictures are kept (least recently asked for leave first), so memory stays bounded whatever the roster size.
 */
final class ContactPictures {
    static final int KEPT = 256;

    private record Kept(String hash, Optional<Avatar> avatar) {
    }

    private final Optional<ChatPort> port;
    private final Executor chatWork;
    private final ContactBook book;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    ContactPictures(Optional<ChatPort> port, Executor chatWork, ContactBook book) {
        this.port = port;
        this.chatWork = chatWork;
        this.book = book;
    }

    /** The picture of a roster contact; empty when it has none. Throws IllegalArgumentException for a non-contact. */
    CompletableFuture<Optional<Avatar>> load(String jid) {
        Contact contact = Jids.bare(jid).flatMap(book::contact).orElseThrow(() ->
                new IllegalArgumentException("'" + jid + "' is not in the contact list"));
        String hash = contact.avatarHash();
        if (hash.isEmpty() || port.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        synchronized (kept) {
            Kept k = kept.get(contact.jid());
            if (k != null && k.hash().equals(hash)) {
                return CompletableFuture.completedFuture(k.avatar());
            }
        }
        CompletableFuture<Optional<Avatar>> done = new CompletableFuture<>();
        try {
            chatWork.execute(() -> {
                try {
                    Optional<Avatar> avatar = port.get().loadAvatar(contact.jid());
                    synchronized (kept) {
                        kept.put(contact.jid(), new Kept(hash, avatar));
                    }
                    done.complete(avatar);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done.complete(Optional.empty());
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.complete(Optional.empty());
        }
        return done;
    }

    /** Pictures kept now: live state, for tests. */
    int kept() {
        synchronized (kept) {
            return kept.size();
        }
    }
}
