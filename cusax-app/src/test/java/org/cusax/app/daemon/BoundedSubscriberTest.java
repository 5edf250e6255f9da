package org.cusax.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.cusax.core.client.CusaxClient;
import org.cusax.core.event.ContactsLoading;
import org.cusax.core.event.EventBus;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A subscriber that stops reading is dropped with a notice; the session and other subscribers go on. */
class BoundedSubscriberTest {
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final CusaxClient client = new CusaxClient(TestAccounts.link("alice"), Optional.of(new FakeChatPort()),
            Optional.of(new FakeTelephonyPort()), new EventBus());

    @AfterEach
    void tearDown() {
        client.close();
        senders.shutdownNow();
    }

    @Test
    void aStuckSubscriberIsDroppedWithANoticeAndOthersGetEveryEvent() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<String> notices = new CopyOnWriteArrayList<>();
        BoundedSubscriber stuck = new BoundedSubscriber("stuck", 4, e -> e.type(), s -> {
            try {
                never.await(); // a client that stopped reading its socket
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, notices::add, senders);
        stuck.attach(client.subscribe(stuck));
        EventRecorder healthy = new EventRecorder();
        client.subscribe(healthy);

        for (int i = 1; i <= 50; i++) {
            stuck.onEvent(new ContactsLoading(Instant.now(), i, 50));
        }
        assertThat(stuck.isClosed()).isTrue();
        assertThat(notices).singleElement().satisfies(n -> assertThat(n).startsWith("too slow"));
        assertThat(stuck.pending()).isLessThanOrEqualTo(1);

        client.start(); // the session publishes on: the healthy subscriber sees it, the dropped one is gone
        healthy.await(org.cusax.core.event.ConnectionChanged.class, e -> true, java.time.Duration.ofSeconds(5));
        never.countDown();
    }

    @Test
    void aReadingSubscriberGetsEveryEventInOrder() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(100);
        BoundedSubscriber s = new BoundedSubscriber("fast", 8, e -> String.valueOf(((ContactsLoading) e).done()), x -> {
            got.add(x);
            all.countDown();
        }, n -> { }, senders);
        for (int i = 1; i <= 100; i++) {
            while (s.pending() > 4) {
                Thread.onSpinWait(); // the test publishes no faster than the reader reads
            }
            s.onEvent(new ContactsLoading(Instant.now(), i, 100));
        }
        assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got).hasSize(100).startsWith("1", "2", "3").endsWith("100");
        assertThat(s.isClosed()).isFalse();
        s.close();
    }
}
