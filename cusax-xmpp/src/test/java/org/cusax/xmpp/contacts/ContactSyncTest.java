package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
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
 * What the core hears about contacts, and how many vCard requests it costs: RFC 6121 §2 roster loads and
 * pushes, the cache across runs (§2.6 versioning makes an unchanged roster cost nothing), XEP-0153 photo
 * hashes, XEP-0292 and XEP-0152 notifications, presence (RFC 6121 §4).
 */
class ContactSyncTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RawTel BOB_CELL = RawTel.of("+33 6 12 34 56 78", "CELL", "VOICE");
    private static final RawTel BOB_V4 = RawTel.of("tel:+33611111111", "cell");

    @TempDir
    Path dir;
    private final List<ContactSync> syncs = new ArrayList<>();
    private Instant now = Instant.parse("2025-02-01T10:00:00Z");

    @AfterEach
    void close() {
        syncs.forEach(ContactSync::close);
    }

    private Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private ContactSync sync(RecordingCallbacks cb, FakeTelQueries q, boolean onDisk) {
        ContactCache cache = onDisk ? ContactCache.open(new ContactCacheFile(dir.resolve("contacts.xml"), "alice@x"))
                : ContactCache.inMemory();
        ContactSync s = new ContactSync(cb, cache, q, 4, clock(), "test-contacts");
        syncs.add(s);
        return s;
    }

    private static FakeTelQueries queries() {
        FakeTelQueries q = new FakeTelQueries(true);
        q.answers.put(FakeTelQueries.key("bob@x", TelKind.VCARD_TEMP), new TelResult(List.of(BOB_CELL), Optional.of("aaa")));
        q.answers.put(FakeTelQueries.key("bob@x", TelKind.VCARD4), new TelResult(List.of(BOB_V4), Optional.empty()));
        return q;
    }

    private static List<RosterItem> roster(int n) {
        List<RosterItem> items = new ArrayList<>(List.of(new RosterItem("bob@x", "Bob", "both")));
        for (int i = 1; i < n; i++) {
            items.add(new RosterItem("c" + i + "@x", "", "both"));
        }
        return items;
    }

    /** XEP-0198 §5: a resumed stream brings no new roster; the round the loss interrupted goes on. */
    @Test
    void aRoundInterruptedByALostConnectionGoesOnWhenTheStreamIsResumed() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = new FakeTelQueries(false);
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(3));
        s.awaitIdle();
        assertThat(q.count()).isEqualTo(4); // the window: 4 of the 6 requests
        q.sent.get(0).answer().complete(TelResult.EMPTY); // bob's vcard-temp answered
        q.sent.get(1).answer().complete(TelResult.EMPTY); // bob's vCard4 answered: bob done
        s.awaitIdle();
        s.connectionLost();
        s.sessionResumed();
        s.awaitIdle();
        // the two other contacts' four requests again (the ones in flight were dropped), nothing for bob
        assertThat(q.count("bob@x", TelKind.VCARD_TEMP)).isEqualTo(1);
        assertThat(q.count("c1@x", TelKind.VCARD_TEMP)).isEqualTo(2);
        for (int i = 6; i < q.count(); i++) {
            q.sent.get(i).answer().complete(TelResult.EMPTY);
        }
        s.awaitIdle();
        for (int i = 6; i < q.count(); i++) {
            q.sent.get(i).answer().complete(TelResult.EMPTY);
        }
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(3);
        assertThat(s.stats().contactsFetched()).isEqualTo(3);
    }

    /**
     * XEP-0198 §5: a request that fails because the connection is gone, before the loss reaches the contact
     * thread, is not an answer: the resumed stream asks for it again (it was never asked for again).
     */
    @Test
    void aRequestLostWithTheConnectionBeforeTheLossIsReportedIsAskedForAgainOnTheResumedStream() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = new FakeTelQueries(false);
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(3));
        s.awaitIdle();
        assertThat(q.count()).isEqualTo(4); // bob's two requests, c1's two
        q.sent.get(2).answer().completeExceptionally(new IllegalStateException("not connected")); // c1's vcard-temp
        s.awaitIdle();
        s.connectionLost();
        s.sessionResumed();
        s.awaitIdle();
        assertThat(q.count("c1@x", TelKind.VCARD_TEMP)).isEqualTo(2);
        answerEverything(s, q, Map.of("c1@x", new TelResult(List.of(BOB_CELL), Optional.empty())));
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(3);
        assertThat(cb.tels("c1@x", TelSource.VCARD_TEMP)).contains(List.of(BOB_CELL));
        assertThat(s.stats().contactsFetched()).isEqualTo(3);
    }

    /** A new session after such a loss loads the roster again: each contact is counted fetched once (was 4 of 3). */
    @Test
    void aContactWhoseRequestsWereLostWithTheConnectionIsCountedOnceAfterANewSession() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = new FakeTelQueries(false);
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(3));
        s.awaitIdle();
        q.sent.get(2).answer().completeExceptionally(new IllegalStateException("not connected"));
        q.sent.get(3).answer().completeExceptionally(new IllegalStateException("not connected"));
        s.awaitIdle();
        s.connectionLost();
        s.sessionStarted();
        s.rosterLoaded(roster(3));
        answerEverything(s, q, Map.of());
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(3);
        assertThat(s.stats().contactsFetched()).isEqualTo(3);
        assertThat(q.count("c1@x", TelKind.VCARD_TEMP)).isEqualTo(2);
    }

    /** Answers every request not answered yet ({@code tels} per contact, else none) until no more are sent. */
    private static void answerEverything(ContactSync s, FakeTelQueries q, Map<String, TelResult> tels)
            throws InterruptedException {
        boolean answeredOne = true;
        while (answeredOne) {
            s.awaitIdle();
            answeredOne = false;
            for (FakeTelQueries.Sent sent : q.sentSoFar()) {
                if (!sent.answer().isDone()) {
                    sent.answer().complete(tels.getOrDefault(sent.jid(), TelResult.EMPTY));
                    answeredOne = true;
                }
            }
        }
    }

    @Test
    void firstLoadFetchesEveryContactWithProgressThenLoaded() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(40));
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(40);
        assertThat(cb.rosters()).containsExactly(roster(40));
        assertThat(q.count()).isEqualTo(80);
        assertThat(cb.tels("bob@x", TelSource.VCARD_TEMP)).contains(List.of(BOB_CELL));
        assertThat(cb.tels("bob@x", TelSource.VCARD4)).contains(List.of(BOB_V4));
        assertThat(cb.loading()).first().isEqualTo("0/40");
        assertThat(cb.loading()).last().isEqualTo("40/40");
        LoadStats stats = s.stats();
        assertThat(stats.vcardRequests()).isEqualTo(80);
        assertThat(stats.maxInFlight()).isBetween(2, 4);
        assertThat(stats.contactsFetched()).isEqualTo(40);
    }

    @Test
    void nextStartShowsTheCacheAtOnceAndAnUnchangedRosterCostsNoRequest() throws Exception {
        RecordingCallbacks first = new RecordingCallbacks();
        ContactSync s1 = sync(first, queries(), true);
        s1.rosterLoaded(roster(30));
        first.awaitLoaded(1, WAIT);
        s1.close();
        assertThat(Files.readString(dir.resolve("contacts.xml"))).contains("bob@x").doesNotContain("password");

        RecordingCallbacks second = new RecordingCallbacks();
        FakeTelQueries q2 = queries();
        ContactSync s2 = sync(second, q2, true);
        s2.showCached(roster(30));
        s2.awaitIdle();
        assertThat(second.rosters()).containsExactly(roster(30));
        assertThat(second.tels("bob@x", TelSource.VCARD_TEMP)).contains(List.of(BOB_CELL));
        assertThat(second.tels("bob@x", TelSource.VCARD4)).contains(List.of(BOB_V4));

        s2.rosterLoaded(roster(30)); // what Smack reports after an empty (same version) roster result
        assertThat(second.awaitLoaded(1, WAIT)).isEqualTo(30);
        s2.awaitIdle();
        assertThat(q2.count()).isZero();
        assertThat(s2.stats().contactsFromCache()).isEqualTo(30);
        assertThat(second.loading()).isEmpty();
    }

    @Test
    void newChangedAndStaleContactsAreFetchedAgainRemovedOnesForgotten() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(5));
        cb.awaitLoaded(1, WAIT);
        assertThat(q.count()).isEqualTo(10);

        s.rosterPushed(List.of(new RosterItem("c1@x", "", "both"))); // unchanged push
        s.rosterPushed(List.of(new RosterItem("c2@x", "Carl", "both"), new RosterItem("new@x", "", "to")));
        s.rosterRemoved(List.of("c3@x"));
        s.awaitIdle();
        s.awaitIdle();
        assertThat(q.count()).isEqualTo(14);
        assertThat(q.count("c2@x", TelKind.VCARD_TEMP)).isEqualTo(2);
        assertThat(q.count("new@x", TelKind.VCARD4)).isEqualTo(1);
        assertThat(cb.rosterChanges()).containsExactly("+c1@x both", "+c2@x both", "+new@x to", "-c3@x");

        // A reload with one more contact fetches that one only.
        List<RosterItem> bigger = new ArrayList<>(roster(5));
        bigger.set(2, new RosterItem("c2@x", "Carl", "both"));
        bigger.remove(3);
        bigger.add(new RosterItem("new@x", "", "to"));
        bigger.add(new RosterItem("later@x", "", "both"));
        s.rosterLoaded(bigger);
        assertThat(cb.awaitLoaded(2, WAIT)).isEqualTo(6);
        assertThat(q.count()).isEqualTo(16);
        assertThat(q.count("later@x", TelKind.VCARD_TEMP)).isEqualTo(1);
        assertThat(q.count("c3@x", TelKind.VCARD_TEMP)).isEqualTo(1);
    }

    @Test
    void cacheOlderThanTheMaximumAgeIsFetchedAgain() throws Exception {
        RecordingCallbacks first = new RecordingCallbacks();
        ContactSync s1 = sync(first, queries(), true);
        s1.rosterLoaded(roster(3));
        first.awaitLoaded(1, WAIT);
        s1.close();

        now = now.plus(ContactSync.MAX_AGE).plusSeconds(60);
        RecordingCallbacks second = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s2 = sync(second, q, true);
        s2.showCached(roster(3));
        s2.rosterLoaded(roster(3));
        second.awaitLoaded(1, WAIT);
        assertThat(q.count()).isEqualTo(6);
    }

    @Test
    void anotherPhotoHashFetchesTheVcardTempAgainOncePerHash() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(2));
        cb.awaitLoaded(1, WAIT);
        Presence online = Presence.of(Availability.AVAILABLE);

        s.presence("bob@x", online, "phone", true, List.of(), Optional.of("aaa")); // the photo we have
        s.awaitIdle();
        assertThat(q.count("bob@x", TelKind.VCARD_TEMP)).isEqualTo(1);

        q.answers.put(FakeTelQueries.key("bob@x", TelKind.VCARD_TEMP),
                new TelResult(List.of(RawTel.of("+1 555 0100", "WORK")), Optional.of("ccc")));
        s.presence("bob@x", online, "phone", true, List.of(), Optional.of("bbb")); // changed
        cb.awaitTels("bob@x", TelSource.VCARD_TEMP, t -> t.equals(List.of(RawTel.of("+1 555 0100", "WORK"))), WAIT);
        s.presence("bob@x", online, "phone", true, List.of(), Optional.of("bbb")); // same advertised hash again
        s.presence("bob@x", online, "desk", true, List.of(), Optional.empty());
        s.awaitIdle();
        assertThat(q.count("bob@x", TelKind.VCARD_TEMP)).isEqualTo(2);
        assertThat(q.count("bob@x", TelKind.VCARD4)).isEqualTo(1);
    }

    @Test
    void vcard4AndReachNotificationsNeedNoRequest() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(2));
        cb.awaitLoaded(1, WAIT);
        int events = cb.telsEvents().size();

        RawTel work = RawTel.of("tel:+33622222222", "work");
        s.vcard4Published("bob@x", List.of(work));
        s.vcard4Published("bob@x", List.of(work)); // same again: nothing new to say
        s.vcard4Published("stranger@x", List.of(work)); // not a contact
        s.reachPublished("bob@x", List.of(RawTel.of("sip:bob@x")));
        s.awaitIdle();
        assertThat(cb.telsEvents().subList(events, cb.telsEvents().size())).containsExactly(
                new RecordingCallbacks.TelsEvent("bob@x", TelSource.VCARD4, List.of(work)),
                new RecordingCallbacks.TelsEvent("bob@x", TelSource.REACH_PEP, List.of(RawTel.of("sip:bob@x"))));
        assertThat(q.count()).isEqualTo(4);
    }

    @Test
    void presenceAvailabilityAndPresenceReachabilityUntilANewSessionStarts() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        ContactSync s = sync(cb, queries(), false);
        s.rosterLoaded(roster(1));
        cb.awaitLoaded(1, WAIT);
        RawTel desk = RawTel.of("sip:bob-desk@x");
        s.presence("bob@x", new Presence(Availability.DND, "busy"), "desk", true, List.of(desk), Optional.empty());
        s.awaitIdle();
        assertThat(cb.presence("bob@x")).contains(new Presence(Availability.DND, "busy"));
        assertThat(cb.tels("bob@x", TelSource.REACH_PRESENCE)).contains(List.of(desk));

        s.presence("bob@x", Presence.of(Availability.AVAILABLE), "desk", true, List.of(), Optional.empty());
        s.awaitIdle();
        assertThat(cb.tels("bob@x", TelSource.REACH_PRESENCE)).contains(List.of());

        s.presence("bob@x", Presence.of(Availability.AVAILABLE), "desk", true, List.of(desk), Optional.empty());
        s.connectionLost();
        s.awaitIdle();
        // XEP-0198: the stream may be resumed, and then the server re-sends nothing: keep what we know
        assertThat(cb.tels("bob@x", TelSource.REACH_PRESENCE)).contains(List.of(desk));
        assertThat(cb.presence("bob@x")).contains(Presence.of(Availability.AVAILABLE));

        s.sessionStarted(); // not resumed: every presence is void until the server sends the current ones
        s.awaitIdle();
        assertThat(cb.tels("bob@x", TelSource.REACH_PRESENCE)).contains(List.of());
        assertThat(cb.presence("bob@x")).contains(Presence.unavailable());
    }

    @Test
    void refreshFetchesDespiteTheCache() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q, false);
        s.rosterLoaded(roster(3));
        cb.awaitLoaded(1, WAIT);
        s.refresh("bob@x");
        s.refresh("stranger@x"); // not a contact: nothing
        s.awaitIdle();
        s.awaitIdle();
        assertThat(q.count("bob@x", TelKind.VCARD_TEMP)).isEqualTo(2);
        assertThat(q.count()).isEqualTo(8);
        s.refreshAll();
        assertThat(cb.awaitLoaded(2, WAIT)).isEqualTo(3);
        assertThat(q.count()).isEqualTo(14);
    }

    @Test
    void aCorruptCacheMeansEverythingIsFetched() throws Exception {
        Files.writeString(dir.resolve("contacts.xml"), "<contacts xmlns='urn:cusax:contact-cache:1'><oops");
        RecordingCallbacks cb = new RecordingCallbacks();
        FakeTelQueries q = queries();
        ContactSync s = sync(cb, q, true);
        s.showCached(roster(3));
        s.rosterLoaded(roster(3));
        cb.awaitLoaded(1, WAIT);
        assertThat(q.count()).isEqualTo(6);
    }

    @Test
    void callbacksThatThrowDoNotStopLoading() throws Exception {
        RecordingCallbacks record = new RecordingCallbacks();
        ContactSync s = new ContactSync(new org.cusax.core.port.ContactCallbacks() {
            @Override
            public void onRoster(List<RosterItem> items) {
                throw new IllegalStateException("core bug");
            }

            @Override
            public void onTels(String jid, TelSource source, List<RawTel> tels) {
                throw new IllegalStateException("core bug");
            }

            @Override
            public void onContactsLoaded(int total) {
                record.onContactsLoaded(total);
            }
        }, ContactCache.inMemory(), queries(), 2, clock(), "test-throwing");
        syncs.add(s);
        s.rosterLoaded(roster(3));
        assertThat(record.awaitLoaded(1, WAIT)).isEqualTo(3);
    }

    @Test
    void waitingForAClosedContactThreadReturnsAtOnce() {
        // a session stopped while it was being started: start() waits for the cached list, and must not hang
        ContactSync s = sync(new RecordingCallbacks(), queries(), false);
        s.close();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), s::awaitIdle);
    }
}
