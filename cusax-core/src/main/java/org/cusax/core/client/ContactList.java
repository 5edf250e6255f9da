package org.cusax.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.ContactRemoved;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsCapped;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.event.ContactsLoading;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the contact book in step with what the XMPP half reports, and publishes what changed. The
 * roster is the contact list (RFC 7081 §4); tels arrive per source and are normalized by the book.
 */
final class ContactList implements ContactCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(ContactList.class);

    private final ContactBook book;
    private final EventBus events;
    private volatile CountDownLatch loaded = new CountDownLatch(1);

    ContactList(ContactBook book, EventBus events) {
        this.book = book;
        this.events = events;
    }

    ContactBook book() {
        return book;
    }

    List<Contact> contacts() {
        return book.contacts();
    }

    boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    @Override
    public void onRoster(List<RosterItem> items) {
        guarded("roster", () -> replaceRoster(items));
    }

    private void replaceRoster(List<RosterItem> items) {
        Set<String> keep = new TreeSet<>();
        for (RosterItem item : items) {
            keep.add(book.putRosterEntry(item.jid(), item.name(), item.groups()).jid());
        }
        for (Contact c : book.contacts()) {
            if (!keep.contains(c.jid())) {
                book.removeRosterEntry(c.jid());
                events.publish(new ContactRemoved(Instant.now(), c.jid()));
            }
        }
        for (String jid : keep) {
            book.contact(jid).ifPresent(this::updated);
        }
    }

    @Override
    public void onRosterItem(RosterItem item) {
        guarded("roster push", () -> updated(book.putRosterEntry(item.jid(), item.name(), item.groups())));
    }

    @Override
    public void onRosterItemRemoved(String jid) {
        guarded("roster removal", () -> {
            book.removeRosterEntry(jid);
            events.publish(new ContactRemoved(Instant.now(), jid));
        });
    }

    @Override
    public void onAvatar(String jid, String photoHash) {
        guarded("picture of " + jid, () -> {
            if (book.setAvatarHash(jid, photoHash)) {
                book.contact(jid).ifPresent(this::updated);
            }
        });
    }

    @Override
    public void onPresence(String jid, Presence presence) {
        guarded("presence", () -> {
            if (book.setPresence(jid, presence)) {
                book.contact(jid).ifPresent(this::updated);
            }
        });
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels) {
        guarded("addresses of " + jid, () -> {
            if (book.setTels(jid, source, tels)) {
                book.contact(jid).ifPresent(this::updated);
            }
        });
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels, String rules, List<NormalizedAddress> forms) {
        guarded("addresses of " + jid, () -> {
            if (book.setTels(jid, source, tels, rules, forms)) {
                book.contact(jid).ifPresent(this::updated);
            }
        });
    }

    @Override
    public void onContactsLoading(int done, int total) {
        events.publish(new ContactsLoading(Instant.now(), done, total));
    }

    @Override
    public void onContactsCapped(int kept, int ignored, int limit) {
        ContactsCapped capped = new ContactsCapped(Instant.now(), kept, ignored, limit);
        LOG.warn("{}", capped.message());
        events.publish(capped);
    }

    @Override
    public void onContactsLoaded(int total) {
        loaded.countDown();
        events.publish(new ContactsLoaded(Instant.now(), total));
    }

    /** Runs one update; bad data from the network is logged and dropped, never thrown at the adapter. */
    private static void guarded(String what, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.warn("ignored a contact update ({}): {}", what, e.getMessage());
        }
    }

    private void updated(Contact contact) {
        events.publish(new ContactUpdated(Instant.now(), contact));
    }
}
