package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
import org.cusax.core.port.RosterItem;
import org.cusax.xmpp.contacts.cache.ContactCache;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4, a hostile server's huge roster (RFC 6121 §2.1.3 roster result, §2.1.6 roster pushes):
 * {@code contacts.max-roster} bounds what is kept, requested and cached, and the user is warned.
 */
class RosterCapTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MAX = 50;
    private static final int OVER = 20_000;

    private final RecordingCallbacks cb = new RecordingCallbacks();
    private final FakeTelQueries queries = new FakeTelQueries(true);
    private final ContactCache cache = ContactCache.inMemory();
    private final ContactSync sync = new ContactSync(cb, cache, queries, 16, MAX, Clock.systemUTC(), "test-cap");

    @AfterEach
    void close() {
        sync.close();
    }

    private static List<RosterItem> items(String prefix, int n) {
        // in reverse order: what is kept must not depend on the order the server sends
        return IntStream.range(0, n).map(i -> n - 1 - i)
                .mapToObj(i -> new RosterItem(String.format("%s%05d@x", prefix, i), "", "both")).toList();
    }

    @Test
    @DisplayName("RFC 6121 §2.1.3: a roster of max + 20,000 items keeps max (the first by JID), asks only their vCards, warns once")
    void aHugeRosterIsCutToTheLimit() throws Exception {
        sync.rosterLoaded(items("c", MAX + OVER));
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(MAX);
        assertThat(cb.rosters()).singleElement().satisfies(r -> {
            assertThat(r).hasSize(MAX);
            assertThat(r).extracting(RosterItem::jid).containsExactlyElementsOf(
                    IntStream.range(0, MAX).mapToObj(i -> String.format("c%05d@x", i)).toList());
        });
        assertThat(cb.capped()).containsExactly("kept 50, ignored 20000, limit 50");
        assertThat(queries.count()).isEqualTo(MAX * TelKind.values().length);
        assertThat(queries.sent).allMatch(s -> s.jid().compareTo(String.format("c%05d@x", MAX)) < 0);
        assertThat(cache.get("c00049@x")).isPresent();
        assertThat(cache.get("c00050@x")).isEmpty();
    }

    @Test
    @DisplayName("RFC 6121 §2.1.6: pushes of new items into a full list are ignored (warned at the 1st, 2nd, 4th… push); updates and removals still apply")
    void pushesBeyondTheLimitAreIgnored() throws Exception {
        sync.rosterLoaded(items("c", MAX));
        cb.awaitLoaded(1, WAIT);
        int requestsBefore = queries.count();
        List<RosterItem> flood = new ArrayList<>(items("z", 1000));
        for (RosterItem push : flood) {
            sync.rosterPushed(List.of(push));
        }
        sync.awaitIdle();
        assertThat(cb.rosterChanges()).isEmpty();
        assertThat(queries.count()).isEqualTo(requestsBefore);
        assertThat(cb.capped()).containsExactly("kept 50, ignored 1, limit 50", "kept 50, ignored 2, limit 50",
                "kept 50, ignored 4, limit 50", "kept 50, ignored 8, limit 50", "kept 50, ignored 16, limit 50",
                "kept 50, ignored 32, limit 50", "kept 50, ignored 64, limit 50", "kept 50, ignored 128, limit 50",
                "kept 50, ignored 256, limit 50", "kept 50, ignored 512, limit 50");

        sync.presence("z00001@x", new Presence(Availability.AVAILABLE, ""), "r", true, List.of(), Optional.empty());
        sync.rosterPushed(List.of(new RosterItem("c00003@x", "Carol", "both")));
        sync.rosterRemoved(List.of("c00004@x"));
        sync.rosterPushed(List.of(new RosterItem("z00001@x", "Zed", "both")));
        sync.awaitIdle();
        assertThat(cb.presence("z00001@x")).as("presence of an ignored JID is not kept").isEmpty();
        assertThat(cb.rosterChanges()).hasSize(3);
        assertThat(cb.awaitRosterItem(i -> i.jid().equals("z00001@x"), WAIT).name()).isEqualTo("Zed");
        assertThat(cb.awaitRosterItem(i -> i.jid().equals("c00003@x"), WAIT).name()).isEqualTo("Carol");
    }

    @Test
    @DisplayName("a cached roster beyond the limit (an older, larger setting) is cut the same way")
    void aCachedRosterIsCutToo() throws Exception {
        sync.showCached(items("c", MAX + 7));
        sync.awaitIdle();
        assertThat(cb.rosters()).singleElement().satisfies(r -> assertThat(r).hasSize(MAX));
        assertThat(cb.capped()).containsExactly("kept 50, ignored 7, limit 50");
    }

    @Test
    @DisplayName("RFC 6121 §2.1.3: a result Smack's parser cut (CappedRosterProvider) warns with the whole roster's count")
    void aCutByTheParserIsReported() throws Exception {
        sync.withCap(c -> c.skippedByParser(MAX, OVER));
        sync.rosterLoaded(items("c", MAX));
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(MAX);
        assertThat(cb.capped()).as("one warning: the load of max items is not cut again")
                .containsExactly("kept 50, ignored 20000, limit 50");

        // another session of the process holds a larger limit: the parser kept 80, this session keeps 50
        sync.withCap(c -> c.skippedByParser(80, 20));
        sync.awaitIdle();
        assertThat(cb.capped()).last().isEqualTo("kept 50, ignored 50, limit 50");

        // RFC 6121 §2.1.6: pushes Smack's full roster dropped (RosterPushCap) warn like ignored pushes, list unchanged
        sync.withCap(c -> c.pushDropped(new RosterItem("z00001@x", "Zed", "both")));
        sync.withCap(c -> c.pushDropped(new RosterItem("z00002@x", "Zoe", "both")));
        sync.awaitIdle();
        assertThat(cb.capped()).endsWith("kept 50, ignored 1, limit 50", "kept 50, ignored 2, limit 50");
        assertThat(cb.rosterChanges()).isEmpty();
    }
}
