package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The contact listing keeps its columns in step when a name is longer than the usual width. */
class ListingColumnsTest {
    private static Map<String, Object> contact(String jid, String name) {
        return Map.of("jid", jid, "name", name, "presence", Map.of("availability", "unavailable"), "callable", true,
                "tels", List.of(Map.of("type", "Work", "uri", "+33972100486", "normalized", "tel:+33972100486",
                        "callable", true)));
    }

    @Test
    void aLongNameWidensItsColumnForEveryLineOfTheListing() {
        List<Map<String, Object>> rows = List.of(contact("alice@cusax.test", "Alice Martin"),
                contact("busy@cusax.test", "Busy line (demo peer)"));
        int jid = ListingColumns.width(ListingColumns.JID, rows, c -> RemoteFormat.str(c, "jid"));
        int name = ListingColumns.width(ListingColumns.NAME, rows, c -> RemoteFormat.str(c, "name"));

        assertThat(jid).isEqualTo(ListingColumns.JID);
        assertThat(name).isEqualTo("Busy line (demo peer)".length());
        List<String> lines = rows.stream().map(c -> RemoteFormat.contact(c, jid, name)).toList();
        assertThat(lines.get(0).indexOf("[Call]")).isEqualTo(lines.get(1).indexOf("[Call]")).isPositive();
        assertThat(lines.get(1)).contains("Busy line (demo peer) unavailable");
    }

    @Test
    void shortEntriesKeepTheUsualWidths() {
        List<Map<String, Object>> rows = List.of(contact("a@x", "A"));
        assertThat(ListingColumns.width(ListingColumns.NAME, rows, c -> RemoteFormat.str(c, "name")))
                .isEqualTo(ListingColumns.NAME);
        assertThat(RemoteFormat.contact(rows.get(0))).isEqualTo(RemoteFormat.contact(rows.get(0),
                ListingColumns.JID, ListingColumns.NAME));
    }
}
