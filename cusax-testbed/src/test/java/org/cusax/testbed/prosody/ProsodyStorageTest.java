package org.cusax.testbed.prosody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lua files ProsodyStorage writes (Prosody 0.12 internal storage: datamanager names, util.stanza tables). */
class ProsodyStorageTest {
    @TempDir
    Path data;

    @Test
    void namesAreEncodedLikeProsodysDatamanager() {
        assertThat(ProsodyStorage.encode("cusax.test")).isEqualTo("cusax%2etest");
        assertThat(ProsodyStorage.encode("c-0001")).isEqualTo("c%2d0001");
    }

    @Test
    void luaStringsEscapeQuotesBackslashesAndControls() {
        assertThat(ProsodyStorage.lua("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\010d\"");
    }

    @Test
    void rosterFileHasVersionAndItems() throws Exception {
        new ProsodyStorage(data, "cusax.test").writeRoster("alice", 7,
                List.of(new ProsodyStorage.RosterEntry("bob@cusax.test", "Bob", "both")));
        String lua = Files.readString(data.resolve("cusax%2etest/roster/alice.dat"));
        assertThat(lua).contains("[false] = { [\"version\"] = 7;")
                .contains("[\"bob@cusax.test\"] = { [\"subscription\"] = \"both\"; [\"groups\"] = {}; [\"name\"] = \"Bob\";");
    }

    @Test
    void vcardIsAPreserializedStanza() throws Exception {
        new ProsodyStorage(data, "cusax.test").writeVcardTemp("bob",
                "<vCard xmlns='vcard-temp'><TEL><CELL/><NUMBER>+33 6 12</NUMBER></TEL></vCard>");
        String lua = Files.readString(data.resolve("cusax%2etest/vcard/bob.dat"));
        assertThat(lua).isEqualTo("return { [\"name\"] = \"vCard\"; [\"attr\"] = { [\"xmlns\"] = \"vcard-temp\"; }; "
                + "{ [\"name\"] = \"TEL\"; [\"attr\"] = { }; { [\"name\"] = \"CELL\"; [\"attr\"] = { }; }; "
                + "{ [\"name\"] = \"NUMBER\"; [\"attr\"] = { }; \"+33 6 12\"; }; }; };\n");
    }

    @Test
    void badInputIsRefused() {
        ProsodyStorage s = new ProsodyStorage(data, "cusax.test");
        assertThatThrownBy(() -> s.writeVcardTemp("bob", "<vCard")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.writeRoster("../x", 1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProsodyStorage.RosterEntry("a@b", "", "maybe"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
