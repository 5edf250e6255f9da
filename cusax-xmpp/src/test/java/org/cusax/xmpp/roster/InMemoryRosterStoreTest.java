package org.cusax.xmpp.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** The store that lets Smack use roster versioning (RFC 6121 §2.6): items and version stay in step. */
class InMemoryRosterStoreTest {
    private final InMemoryRosterStore store = new InMemoryRosterStore();

    private static RosterPacket.Item item(String jid, String name) throws Exception {
        return new RosterPacket.Item(JidCreate.bareFrom(jid), name);
    }

    @Test
    void startsEmptyWithAnEmptyVersionSoTheServerSendsTheWholeRoster() {
        assertThat(store.getEntries()).isEmpty();
        assertThat(store.getRosterVersion()).isEmpty();
    }

    @Test
    void followsResetAddAndRemoveWithTheirVersions() throws Exception {
        store.resetEntries(List.of(item("bob@cusax.test", "Bob"), item("carol@cusax.test", null)), "v1");
        assertThat(store.getRosterVersion()).isEqualTo("v1");
        assertThat(store.getEntries()).hasSize(2);

        store.addEntry(item("dave@cusax.test", "Dave"), "v2");
        store.addEntry(item("bob@cusax.test", "Robert"), "v3"); // a push that renames
        BareJid bob = JidCreate.bareFrom("bob@cusax.test");
        assertThat(store.getEntry(bob).getName()).isEqualTo("Robert");
        assertThat(store.getEntries()).hasSize(3);

        store.removeEntry(JidCreate.bareFrom("carol@cusax.test"), "v4");
        assertThat(store.getEntries()).extracting(i -> i.getJid().toString())
                .containsExactly("bob@cusax.test", "dave@cusax.test");
        assertThat(store.getRosterVersion()).isEqualTo("v4");

        store.resetStore();
        assertThat(store.getEntries()).isEmpty();
        assertThat(store.getRosterVersion()).isEmpty();
    }
}
