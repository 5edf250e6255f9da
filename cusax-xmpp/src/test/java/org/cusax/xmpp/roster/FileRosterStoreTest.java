package org.cusax.xmpp.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.cusax.xmpp.testing.LogCapture;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/** RFC 6121 §2.6 roster versioning across runs: the roster and its version survive in one file. */
class FileRosterStoreTest {
    @TempDir
    Path dir;

    private static RosterPacket.Item item(String jid, String name, RosterPacket.ItemType type) throws Exception {
        RosterPacket.Item item = new RosterPacket.Item(JidCreate.bareFrom(jid), name);
        item.setItemType(type);
        item.addGroupName("Friends");
        return item;
    }

    @Test
    void rosterAndVersionSurviveAReopen() throws Exception {
        Path file = dir.resolve("a/roster.xml");
        FileRosterStore store = FileRosterStore.open(file);
        assertThat(store.getRosterVersion()).isEmpty();
        store.resetEntries(List.of(item("bob@example.com", "Bob", RosterPacket.ItemType.both),
                item("carol@example.com", null, RosterPacket.ItemType.to)), "7");
        store.addEntry(item("dave@example.com", "Dave & co", RosterPacket.ItemType.none), "8");
        store.removeEntry(JidCreate.bareFrom("carol@example.com"), "9");

        FileRosterStore again = FileRosterStore.open(file);
        assertThat(again.getRosterVersion()).isEqualTo("9");
        assertThat(again.getEntries()).extracting(i -> i.getJid().toString(), RosterPacket.Item::getName,
                RosterPacket.Item::getItemType).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob@example.com", "Bob", RosterPacket.ItemType.both),
                        org.assertj.core.groups.Tuple.tuple("dave@example.com", "Dave & co", RosterPacket.ItemType.none));
        assertThat(again.getEntry(JidCreate.bareFrom("bob@example.com")).getGroupNames()).containsExactly("Friends");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).hasSize(1);
        }
    }

    @Test
    void corruptFileIsIgnoredWithAWarningAndGivesAnUnversionedEmptyRoster() throws Exception {
        Path file = dir.resolve("roster.xml");
        Files.writeString(file, "<query xmlns='jabber:iq:roster' ver='5'><item jid='bob@");
        try (LogCapture logs = new LogCapture()) {
            FileRosterStore store = FileRosterStore.open(file);
            assertThat(store.getEntries()).isEmpty();
            assertThat(store.getRosterVersion()).isEmpty();
            assertThat(logs.lines()).anyMatch(l -> l.startsWith("ignoring the unreadable roster cache"));
        }
    }

    @Test
    void aStoreBoundToItsFileIsEmptyUntilReadAndTheFileNeverOverwritesWhatTheServerSent() throws Exception {
        Path file = dir.resolve("roster.xml");
        FileRosterStore.open(file).resetEntries(List.of(item("bob@example.com", "Bob", RosterPacket.ItemType.both)), "3");

        FileRosterStore bound = FileRosterStore.at(file);
        assertThat(bound.getEntries()).isEmpty(); // nothing read on the thread that built it
        assertThat(bound.getRosterVersion()).isEmpty();
        bound.read();
        assertThat(bound.getRosterVersion()).isEqualTo("3");
        assertThat(bound.getEntries()).extracting(i -> i.getJid().toString()).containsExactly("bob@example.com");

        // a store the server's roster reached before the file was read keeps the server's roster
        FileRosterStore late = FileRosterStore.at(file);
        late.resetEntries(List.of(item("carol@example.com", "Carol", RosterPacket.ItemType.to)), "4");
        late.read();
        assertThat(late.getRosterVersion()).isEqualTo("4");
        assertThat(late.getEntries()).extracting(i -> i.getJid().toString()).containsExactly("carol@example.com");
        assertThat(FileRosterStore.open(file).getRosterVersion()).isEqualTo("4");
    }

    /**
     * Smack changes the store on its reader thread: the file is written behind, on the writer given, and changes
     * made before that write ran (a burst of roster pushes, RFC 6121 §2.1.6) go into the same write.
     */
    @Test
    void theFileIsWrittenOnTheWriterAndChangesMadeMeanwhileGoIntoOneWrite() throws Exception {
        Path file = dir.resolve("roster.xml");
        ArrayDeque<Runnable> writer = new ArrayDeque<>();
        FileRosterStore store = FileRosterStore.at(file, writer::add);
        store.resetEntries(List.of(item("bob@example.com", "Bob", RosterPacket.ItemType.both)), "1");
        for (int i = 2; i <= 50; i++) {
            store.addEntry(item("c" + i + "@example.com", null, RosterPacket.ItemType.both), Integer.toString(i));
        }
        assertThat(Files.exists(file)).as("nothing written on the thread that changed the store").isFalse();
        assertThat(writer).hasSize(1);
        writer.poll().run();
        FileRosterStore reopened = FileRosterStore.open(file);
        assertThat(reopened.getRosterVersion()).isEqualTo("50");
        assertThat(reopened.getEntries()).hasSize(50);

        store.removeEntry(JidCreate.bareFrom("bob@example.com"), "51"); // after the write: a new one is queued
        assertThat(writer).hasSize(1);
        writer.poll().run();
        assertThat(FileRosterStore.open(file).getRosterVersion()).isEqualTo("51");
    }

    /** When the session closes its writer stops taking tasks: the change is written at once, not lost. */
    @Test
    void aWriterThatNoLongerTakesTasksGetsTheWriteDoneAtOnce() throws Exception {
        Path file = dir.resolve("roster.xml");
        FileRosterStore store = FileRosterStore.at(file, task -> {
            throw new RejectedExecutionException("stopped");
        });
        store.resetEntries(List.of(item("bob@example.com", "Bob", RosterPacket.ItemType.both)), "5");
        assertThat(FileRosterStore.open(file).getRosterVersion()).isEqualTo("5");
    }
}
