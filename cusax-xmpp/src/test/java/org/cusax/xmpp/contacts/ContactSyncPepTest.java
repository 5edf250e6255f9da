package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.RosterItem;
import org.cusax.xmpp.contacts.cache.ContactCache;
import org.cusax.xmpp.contacts.cache.ContactCacheFile;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XEP-0292 vCard4 through XEP-0163 §6.1.1 (last published item after our initial presence, with +notify)
 * instead of one items request per contact: which contacts are asked, which are awaited, what a contact
 * that sent nothing ends up with, and the fallback to requests when the burst cannot be trusted.
 */
class ContactSyncPepTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RawTel BOB_CELL = RawTel.of("+33 6 12 34 56 78", "CELL", "VOICE");
    private static final RawTel BOB_V4 = RawTel.of("tel:+33611111111", "cell");

    @TempDir
    Path dir;
    private final List<ContactSync> syncs = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2025-02-01T10:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void close() {
        syncs.forEach(ContactSync::close);
    }

    private ContactSync sync(RecordingCallbacks cb, FakeTelQueries q) {
        ContactSync s = new ContactSync(cb, ContactCache.open(new ContactCacheFile(dir.resolve("contacts.xml"),
                "alice@x")), q, 4, clock, "test-contacts");
        syncs.add(s);
        return s;
    }

    private static FakeTelQueries queries() {
        FakeTelQueries q = new FakeTelQueries(true);
        q.answers.put(FakeTelQueries.key("bob@x", TelKind.VCARD_TEMP), new TelResult(List.of(BOB_CELL), Optional.empty()));
        q.answers.put(FakeTelQueries.key("bob@x", TelKind.VCARD4), new TelResult(List.of(BOB_V4), Optional.empty()));
        return q;
    }

    /** bob and 9 others on our server "x", all with subscription both. */
    private static List<RosterItem> roster() {
        List<RosterItem> items = new ArrayList<>(List.of(new RosterItem("bob@x", "Bob", "both")));
        for (int i = 1; i < 10; i++) {
            items.add(new RosterItem("c" + i + "@x", "", "both"));
        }
        return items;
    }

    @Test
    void vcard4ComesByPepOneRequestPerContactAndContactsThatSentNoneHaveNone() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q);
        s.expectPresenceBurst("x");
        s.rosterLoaded(roster());
        s.vcard4Published("bob@x", List.of(BOB_V4)); // the server's burst after our presence
        s.awaitIdle();
        assertThat(cb.loaded()).as("not loaded before the burst is over").isEmpty();
        s.presenceBurstDone(true);

        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(10);
        assertThat(q.count()).as("vcard-temp only").isEqualTo(10);
        assertThat(q.sent).allMatch(sent -> sent.kind() == TelKind.VCARD_TEMP);
        assertThat(cb.tels("bob@x", TelSource.VCARD_TEMP)).contains(List.of(BOB_CELL));
        assertThat(cb.tels("bob@x", TelSource.VCARD4)).contains(List.of(BOB_V4));
        assertThat(cb.tels("c1@x", TelSource.VCARD4)).contains(List.of());
        assertThat(s.stats().vcard4Requests()).isZero();
        assertThat(s.stats().contactsFetched()).isEqualTo(10);

        // next start, same roster: everything (the vCard4s too) comes from the cache, nothing is requested
        s.close();
        RecordingCallbacks second = new RecordingCallbacks();
        FakeTelQueries q2 = queries();
        ContactSync s2 = sync(second, q2);
        s2.showCached(roster());
        s2.expectPresenceBurst("x");
        s2.rosterLoaded(roster());
        assertThat(second.awaitLoaded(1, WAIT)).isEqualTo(10);
        assertThat(second.tels("bob@x", TelSource.VCARD4)).contains(List.of(BOB_V4));
        s2.awaitIdle();
        assertThat(q2.count()).isZero();
    }

    @Test
    void aBurstNotKnownCompleteFallsBackToRequests() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q);
        s.expectPresenceBurst("x");
        s.rosterLoaded(roster());
        s.vcard4Published("c1@x", List.of(RawTel.of("tel:+33622222222", "work")));
        s.presenceBurstDone(false); // the ping after our presence got no answer

        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(10);
        assertThat(q.count(TelKind.VCARD4)).as("all but c1, whose notification came").isEqualTo(9);
        assertThat(q.count("c1@x", TelKind.VCARD4)).isZero();
        assertThat(cb.tels("bob@x", TelSource.VCARD4)).contains(List.of(BOB_V4));
    }

    @Test
    void contactsPepDoesNotDeliverForAreRequested() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q);
        s.expectPresenceBurst("x");
        s.rosterLoaded(List.of(new RosterItem("bob@x", "Bob", "to"), new RosterItem("far@elsewhere", "", "both"),
                new RosterItem("asked@x", "", "from"), new RosterItem("none@x", "", "none")));
        s.presenceBurstDone(true);

        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(4);
        assertThat(q.count("bob@x", TelKind.VCARD4)).as("subscribed to bob's presence: by PEP").isZero();
        assertThat(q.count("far@elsewhere", TelKind.VCARD4)).as("another server").isEqualTo(1);
        assertThat(q.count("asked@x", TelKind.VCARD4)).as("not subscribed to its presence").isEqualTo(1);
        assertThat(q.count("none@x", TelKind.VCARD4)).isEqualTo(1);
    }

    @Test
    void withoutAnAnnouncedBurstEveryVcardIsRequestedAsBefore() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q);
        s.rosterLoaded(roster()); // chat off, or a resumed stream: no initial presence, no burst
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(10);
        assertThat(q.count(TelKind.VCARD4)).isEqualTo(10);
    }

    @Test
    void aConnectionLostDuringTheBurstRequestsWhatWasAwaitedWhenTheStreamIsResumed() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q);
        s.expectPresenceBurst("x");
        s.rosterLoaded(roster());
        s.awaitIdle();
        s.connectionLost();
        s.sessionResumed(); // XEP-0198 §5: no new presence, no burst
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(10);
        assertThat(q.count(TelKind.VCARD4)).isEqualTo(10);
        assertThat(cb.tels("bob@x", TelSource.VCARD4)).contains(List.of(BOB_V4));
    }
}
