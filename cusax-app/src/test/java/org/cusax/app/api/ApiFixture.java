package org.cusax.app.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.RosterItem;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;

/** A started client on fake ports with a registry over it, and timers a test fires by hand. */
final class ApiFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "x", "cusax.test", "SCRAM-SHA-256");

    /** A scheduled task of the manual timers: its delay and whether it was cancelled. */
    static final class Task {
        final Duration delay;
        final Runnable work;
        volatile boolean cancelled;

        Task(Duration delay, Runnable work) {
            this.delay = delay;
            this.work = work;
        }
    }

    final FakeChatPort chat = new FakeChatPort();
    final FakeTelephonyPort telephony = new FakeTelephonyPort();
    final EventRecorder events = new EventRecorder();
    final BlockingQueue<Task> scheduled = new LinkedBlockingQueue<>();
    final CusaxClient client;
    final CommandRegistry registry;

    ApiFixture() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony), new EventBus(),
                new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults());
        client.subscribe(events);
        registry = CommandRegistry.standard(client, client.link(), (delay, work) -> {
            Task t = new Task(delay, work);
            scheduled.add(t);
            return () -> t.cancelled = true;
        });
        client.start();
    }

    ApiFixture online() {
        chat.goOnline(TLS);
        telephony.register(TLS);
        return this;
    }

    /** Bob with two callable numbers (mobile, work), the echo peer with none; the list loaded. */
    ApiFixture withContacts() throws InterruptedException {
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both"),
                new RosterItem("echo@cusax.test", "Echo", "both")));
        chat.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP,
                List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE"), RawTel.of("01 84 88 00 12", "WORK", "VOICE")));
        chat.callbacks().onContactsLoaded(2);
        client.awaitContactsLoaded(WAIT);
        return this;
    }

    ApiResponse run(String command, Map<String, Object> params) throws InterruptedException {
        return registry.execute(command, params);
    }

    Task nextTask() throws InterruptedException {
        Task t = scheduled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (t == null) {
            throw new AssertionError("no timer was scheduled");
        }
        return t;
    }

    @Override
    public void close() {
        client.close();
    }
}
