package org.cusax.bench.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.core.port.RosterItem;

/** What the client's core keeps from the Chat half: roster entries, presence and numbers in a {@link ContactBook}. */
final class BookFiller implements ChatCallbacks {
    private final ContactBook book;
    private final CountDownLatch loaded = new CountDownLatch(1);

    BookFiller(ContactBook book) {
        this.book = book;
    }

    @Override
    public void onRoster(List<RosterItem> items) {
        items.forEach(i -> book.putRosterEntry(i.jid(), i.name()));
    }

    @Override
    public void onPresence(String jid, Presence presence) {
        book.setPresence(jid, presence);
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels) {
        book.setTels(jid, source, tels);
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels, String rules, List<NormalizedAddress> forms) {
        book.setTels(jid, source, tels, rules, forms);
    }

    @Override
    public void onContactsLoaded(int total) {
        loaded.countDown();
    }

    @Override
    public void onStatus(ConnectionStatus status) {
    }

    @Override
    public void onMessage(ChatMessage incoming) {
    }

    @Override
    public void onAcknowledged(String messageId) {
    }

    @Override
    public void onDeliveryFailed(String messageId, String reason) {
    }

    void await(Duration timeout) throws InterruptedException, TimeoutException {
        if (!loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("contacts not loaded within " + timeout);
        }
    }

    /** Contacts whose numbers are known (in the book with at least one number). */
    long withNumbers() {
        return book.contacts().stream().filter(c -> !c.tels().isEmpty()).count();
    }
}
