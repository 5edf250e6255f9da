package org.cusax.xmpp.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4, a hostile server's huge roster: RFC 6121 §2.1.3 roster results are cut while parsing to the
 * largest {@code contacts.max-roster} held, keeping the first items by address and the version (§2.6);
 * §2.1.6 pushes (one item) are not affected.
 */
class CappedRosterProviderTest {
    private static final int LIMIT = 50;
    private static final int OVER = 1_000;

    private final CappedRosterProvider provider = new CappedRosterProvider();

    /** {@code n} items named c0000…, in descending order (each needs evicting a kept one), each with a group. */
    private static String roster(String ver, int n) {
        StringBuilder xml = new StringBuilder("<query xmlns='jabber:iq:roster'").append(ver == null ? "" : " ver='" + ver + "'")
                .append('>');
        for (int i = n - 1; i >= 0; i--) {
            xml.append(String.format("<item jid='c%04d@example.com' name='C %d' subscription='both'>"
                    + "<group>Friends</group><group>Work</group></item>", i, i));
        }
        return xml.append("</query>").toString();
    }

    private RosterPacket parse(String xml) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(xml);
        RosterPacket packet = provider.parse(parser);
        assertThat(parser.getEventType()).as("parser left on </query>").isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(parser.getName()).isEqualTo("query");
        return packet;
    }

    private static List<String> jids(RosterPacket packet) {
        return packet.getRosterItems().stream().map(i -> i.getJid().toString()).toList();
    }

    @Test
    @DisplayName("RFC 6121 §2.1.3: a result of limit + 1,000 items keeps exactly the first limit by address and the version")
    void aHugeResultIsCutWhileParsing() throws Exception {
        Runnable release = provider.hold(LIMIT);

        RosterPacket packet = parse(roster("ver-7", LIMIT + OVER));

        assertThat(packet.getRosterItemCount()).isEqualTo(LIMIT);
        assertThat(jids(packet)).containsExactlyElementsOf(
                IntStream.range(0, LIMIT).mapToObj(i -> String.format("c%04d@example.com", i)).toList());
        RosterPacket.Item first = packet.getRosterItems().get(0);
        assertThat(first.getName()).isEqualTo("C 0");
        assertThat(first.getItemType()).isEqualTo(RosterPacket.ItemType.both);
        assertThat(first.getGroupNames()).containsExactlyInAnyOrder("Friends", "Work");
        assertThat(packet.getVersion()).isEqualTo("ver-7");
        RosterSkipped note = RosterSkipped.of(packet).orElseThrow();
        assertThat(note.kept()).isEqualTo(LIMIT);
        assertThat(note.skipped()).isEqualTo(OVER);
        release.run();
    }

    @Test
    @DisplayName("RFC 6121 §2.1.3: a result within the limit is parsed whole by Smack's item parser, with no note")
    void aResultWithinTheLimitIsWhole() throws Exception {
        provider.hold(LIMIT);

        RosterPacket packet = parse(roster(null, LIMIT));

        assertThat(packet.getRosterItemCount()).isEqualTo(LIMIT);
        assertThat(packet.getVersion()).isNull();
        assertThat(RosterSkipped.of(packet)).isEmpty();
    }

    @Test
    @DisplayName("RFC 6121 §2.1.6: a push carries one item and is never cut, even with the smallest limit")
    void aPushIsNotCut() throws Exception {
        provider.hold(1);

        RosterPacket packet = parse("<query xmlns='jabber:iq:roster' ver='v2'><item jid='new@example.com'"
                + " subscription='remove'/></query>");

        assertThat(jids(packet)).containsExactly("new@example.com");
        assertThat(packet.getRosterItems().get(0).getItemType()).isEqualTo(RosterPacket.ItemType.remove);
        assertThat(RosterSkipped.of(packet)).isEmpty();
    }

    @Test
    @DisplayName("Providers are process-wide: the limit is the largest held by a live session, none when none holds one")
    void theLimitIsTheLargestHeld() throws Exception {
        assertThat(provider.limit()).isEqualTo(Integer.MAX_VALUE);
        Runnable small = provider.hold(5);
        Runnable large = provider.hold(20);
        assertThat(provider.limit()).isEqualTo(20);
        assertThat(parse(roster(null, 30)).getRosterItemCount()).isEqualTo(20);

        large.run();
        assertThat(provider.limit()).isEqualTo(5);
        assertThat(parse(roster(null, 30)).getRosterItemCount()).isEqualTo(5);

        small.run();
        assertThat(parse(roster(null, 30)).getRosterItemCount()).isEqualTo(30);
        assertThatThrownBy(() -> provider.hold(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("RFC 6121 §2.1.2.1: an item beyond the limit whose JID sorts first replaces the last kept one")
    void anEarlierJidAfterTheLimitIsKept() throws Exception {
        provider.hold(2);

        RosterPacket packet = parse("<query xmlns='jabber:iq:roster'><item jid='m@example.com'/>"
                + "<item jid='z@example.com'/><item jid='y@example.com'/><item jid='A@example.com'/></query>");

        assertThat(jids(packet)).containsExactly("a@example.com", "m@example.com");
        assertThat(RosterSkipped.of(packet).orElseThrow().skipped()).isEqualTo(2);
    }
}
