package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.cusax.xmpp.contacts.cache.ContactCache;
import org.cusax.xmpp.contacts.cache.ContactCacheFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm start (issue 13): the cache keeps what each tel normalizes to, so the cached contacts are shown with
 * their numbers before login without parsing one (counts of libphonenumber parses, exact); a format 1 file
 * is read and normalized again once; forms written under another default region are not used. RFC 6121 §2.6:
 * an unchanged roster costs no vCard request.
 */
class WarmStartTest {
    private static final int N = 40;
    @TempDir
    Path dir;
    private final List<ContactSync> syncs = new ArrayList<>();

    @AfterEach
    void close() {
        syncs.forEach(ContactSync::close);
    }

    /** The core side: what the client does with the contact callbacks (ContactList), on a ContactBook. */
    private static final class Book implements ContactCallbacks {
        final AddressNormalizer normalizer;
        final ContactBook book;
        final CountDownLatch loaded = new CountDownLatch(1);

        Book(String region) {
            normalizer = new AddressNormalizer(region);
            book = new ContactBook(normalizer);
        }

        @Override
        public void onRoster(List<RosterItem> items) {
            items.forEach(i -> book.putRosterEntry(i.jid(), i.name()));
        }

        @Override
        public void onTels(String jid, TelSource source, List<RawTel> tels) {
            book.setTels(jid, source, tels);
        }

        @Override
        public void onTels(String jid, TelSource source, List<RawTel> tels, String rules,
                           List<NormalizedAddress> forms) {
            book.setTels(jid, source, tels, rules, forms);
        }

        @Override
        public void onContactsLoaded(int total) {
            loaded.countDown();
        }

        void awaitLoaded() throws InterruptedException {
            assertThat(loaded.await(10, TimeUnit.SECONDS)).as("contacts loaded").isTrue();
        }

        List<String> normalized(String jid) {
            return book.contact(jid).orElseThrow().tels().stream().map(TelAddress::normalized)
                    .map(n -> n.orElse("?")).toList();
        }
    }

    private static String jid(int i) {
        return "c" + i + "@x";
    }

    /** A national French mobile number (its meaning depends on the default region) and a SIP URI. */
    private static List<RawTel> tels(int i) {
        return List.of(RawTel.of(String.format("06 12 34 %02d %02d", i / 100, i % 100), "CELL"),
                RawTel.of("sip:c" + i + "@x", "WORK"));
    }

    private static List<RosterItem> roster() {
        List<RosterItem> items = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            items.add(new RosterItem(jid(i), "", "both"));
        }
        return items;
    }

    private static FakeTelQueries queries() {
        FakeTelQueries q = new FakeTelQueries(true);
        for (int i = 0; i < N; i++) {
            q.answers.put(FakeTelQueries.key(jid(i), TelKind.VCARD_TEMP), new TelResult(tels(i), Optional.empty()));
        }
        return q;
    }

    private ContactCacheFile file() {
        return new ContactCacheFile(dir.resolve("contacts.xml"), "alice@x");
    }

    /** One start: the cached list shown, then the (unchanged) roster loaded; returns the requests sent. */
    private int start(Book core, String cacheRegion) throws Exception {
        FakeTelQueries q = queries();
        ContactSync s = new ContactSync(core, ContactCache.open(file(), new AddressNormalizer(cacheRegion)), q, 8,
                Clock.fixed(Instant.parse("2025-02-01T10:00:00Z"), ZoneOffset.UTC), "test-warm");
        syncs.add(s);
        s.showCached(roster());
        s.awaitIdle();
        s.rosterLoaded(roster());
        core.awaitLoaded();
        s.close();
        syncs.remove(s);
        return q.count();
    }

    @Test
    void aWarmStartShowsEveryCachedNumberWithoutParsingOne() throws Exception {
        Book cold = new Book("FR");
        assertThat(start(cold, "FR")).isEqualTo(2 * N);
        assertThat(Files.readString(dir.resolve("contacts.xml")))
                .contains("rules=\"" + AddressNormalizer.rules("FR") + "\"")
                .contains("normalized=\"tel:+33612340007\"");

        Book warm = new Book("FR");
        assertThat(start(warm, "FR")).isZero();
        assertThat(warm.normalizer.parses()).isZero(); // exact: no address parsed on the warm path
        for (int i = 0; i < N; i++) {
            assertThat(warm.normalized(jid(i))).as(jid(i))
                    .containsExactly(String.format("tel:+336123400%02d", i), "sip:c" + i + "@x");
        }
        assertThat(warm.book.owners("tel:+33612340007")).containsExactly(jid(7)); // indexed: callers are found
    }

    @Test
    void theCacheIsReadOnTheContactThreadWhenTheStartingThreadOnlyBindsIt() throws Exception {
        assertThat(start(new Book("FR"), "FR")).isEqualTo(2 * N);

        // as ContactWiring does: the cache bound to its file, read first thing on the contact thread
        Book warm = new Book("FR");
        ContactCache bound = ContactCache.at(file(), new AddressNormalizer("FR"));
        assertThat(bound.size()).isZero();
        List<String> readOn = new ArrayList<>();
        ContactSync s = new ContactSync(warm, bound, queries(), 8,
                Clock.fixed(Instant.parse("2025-02-01T10:00:00Z"), ZoneOffset.UTC), "test-warm-bound");
        syncs.add(s);
        s.showCached(() -> {
            readOn.add(Thread.currentThread().getName());
            bound.read();
            return roster();
        });
        s.awaitIdle();
        assertThat(readOn).containsExactly("test-warm-bound");
        assertThat(warm.normalizer.parses()).isZero();
        assertThat(warm.normalized(jid(7))).containsExactly("tel:+33612340007", "sip:c7@x");
        s.rosterLoaded(roster());
        warm.awaitLoaded();
    }

    @Test
    void aFormat1CacheIsReadAndNormalizedAgainOnceThenRewritten() throws Exception {
        StringBuilder v1 = new StringBuilder("<contacts xmlns='urn:cusax:contact-cache:1' account='alice@x'>");
        for (int i = 0; i < N; i++) {
            v1.append("<contact jid='").append(jid(i)).append("' photo=''>")
                    .append("<vcard kind='vcard-temp' fetched='2025-02-01T09:00:00Z'>");
            for (RawTel t : tels(i)) {
                v1.append("<tel address='").append(t.address()).append("'><type>").append(t.types().get(0))
                        .append("</type></tel>");
            }
            v1.append("</vcard><vcard kind='vcard4' fetched='2025-02-01T09:00:00Z'/></contact>");
        }
        Files.writeString(dir.resolve("contacts.xml"), v1.append("</contacts>"));

        Book migrating = new Book("FR");
        assertThat(start(migrating, "FR")).isZero(); // still a warm start: nothing fetched
        assertThat(migrating.normalizer.parses()).isEqualTo(2 * N); // each raw tel once
        assertThat(migrating.normalized(jid(3))).containsExactly("tel:+33612340003", "sip:c3@x");
        assertThat(Files.readString(dir.resolve("contacts.xml"))).contains("urn:cusax:contact-cache:2")
                .contains("rules=\"" + AddressNormalizer.rules("FR") + "\"");

        Book next = new Book("FR");
        assertThat(start(next, "FR")).isZero();
        assertThat(next.normalizer.parses()).isZero();
        assertThat(next.normalized(jid(3))).containsExactly("tel:+33612340003", "sip:c3@x");
    }

    @Test
    void formsWrittenUnderAnotherRegionAreNotUsed() throws Exception {
        start(new Book("FR"), "FR");
        String national = tels(5).get(0).address();
        String inUs = new AddressNormalizer("US").normalize(national).normalized().orElse("?");
        assertThat(inUs).isNotEqualTo("tel:+33612340005"); // the region changes what the number means

        Book us = new Book("US");
        assertThat(start(us, "US")).isZero();
        assertThat(us.normalizer.parses()).isEqualTo(2 * N); // every tel normalized again, under US rules
        assertThat(us.normalized(jid(5))).containsExactly(inUs, "sip:c5@x");
        assertThat(Files.readString(dir.resolve("contacts.xml")))
                .contains("rules=\"" + AddressNormalizer.rules("US") + "\"");
    }

    @Test
    void aCoreUnderOtherRulesThanTheAdapterNormalizesItself() throws Exception {
        start(new Book("FR"), "FR");
        Book us = new Book("US"); // the adapter still keeps FR forms: the core must not take them
        start(us, "FR");
        assertThat(us.normalizer.parses()).isEqualTo(2 * N);
        assertThat(us.normalized(jid(5)).get(0)).isNotEqualTo("tel:+33612340005");
    }
}
