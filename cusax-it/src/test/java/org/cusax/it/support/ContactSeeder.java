package org.cusax.it.support;

import java.util.List;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.testbed.TestUser;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Puts contacts on the server (real or sandbox) the way their own clients would: vcard-temp (XEP-0054), vCard4
 * in PEP (XEP-0292), reachability in presence and PEP (XEP-0152), and mutual presence subscriptions.
 */
public final class ContactSeeder {
    public static final String REACH_NS = "urn:xmpp:reach:0";
    public static final String VCARD4_NODE = "urn:xmpp:vcard4";

    private ContactSeeder() {
    }

    /** Logs the user in with a resource of its own; every subscription request is accepted. */
    public static XMPPTCPConnection online(ServiceProfile service, TestUser user) throws Exception {
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.accept_all);
        return XmppPeer.connect(service, user, "seed");
    }

    /** Stores a vcard-temp whose children are {@code innerXml} (e.g. {@code <TEL><CELL/><NUMBER>…}). */
    public static void vcardTemp(XMPPTCPConnection c, String innerXml) throws Exception {
        c.createStanzaCollectorAndSend(new RawIq("vCard", "vcard-temp", innerXml, IQ.Type.set)).nextResultOrThrow();
    }

    /** Publishes one PEP item (XEP-0163) on {@code node}. */
    public static void pep(XMPPTCPConnection c, String node, String itemXml) throws Exception {
        String inner = "<publish node='" + node + "'><item id='current'>" + itemXml + "</item></publish>";
        c.createStanzaCollectorAndSend(new RawIq("pubsub", "http://jabber.org/protocol/pubsub", inner, IQ.Type.set))
                .nextResultOrThrow();
    }

    /** Publishes a vCard4 with the given {@code <tel>} elements. */
    public static void vcard4(XMPPTCPConnection c, String fn, String telsXml) throws Exception {
        pep(c, VCARD4_NODE, "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>" + fn + "</text></fn>"
                + telsXml + "</vcard>");
    }

    /** Publishes reachability addresses in PEP. */
    public static void reachPep(XMPPTCPConnection c, List<String> uris) throws Exception {
        pep(c, REACH_NS, reachXml(uris));
    }

    /** Sends available presence carrying reachability addresses (none: a plain presence). */
    public static void presenceWithReach(XMPPTCPConnection c, List<String> uris) throws Exception {
        Presence p = c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build();
        if (!uris.isEmpty()) {
            StandardExtensionElement.Builder reach = StandardExtensionElement.builder("reach", REACH_NS);
            for (String uri : uris) {
                reach.addElement(StandardExtensionElement.builder("addr", REACH_NS).addAttribute("uri", uri).build());
            }
            p.addExtension(reach.build());
        }
        c.sendStanza(p);
    }

    private static String reachXml(List<String> uris) {
        StringBuilder sb = new StringBuilder("<reach xmlns='" + REACH_NS + "'>");
        uris.forEach(u -> sb.append("<addr uri='").append(u).append("'/>"));
        return sb.append("</reach>").toString();
    }

    /** Makes {@code a} and {@code b} subscribed to each other's presence (both online, accepting). */
    public static void befriend(XMPPTCPConnection a, TestUser aUser, XMPPTCPConnection b, TestUser bUser)
            throws Exception {
        befriend(a, aUser, b, bUser, bUser.name());
    }

    /** Same, with {@code nameInA} as the name {@code a} gives {@code b} in its roster (e.g. "Dana Schmidt"). */
    public static void befriend(XMPPTCPConnection a, TestUser aUser, XMPPTCPConnection b, TestUser bUser,
            String nameInA) throws Exception {
        // one way, then the other: two subscription requests crossing on the wire (RFC 6121 §3.1) once left the
        // sandbox server's pair at "to" / "from" for good
        Roster.getInstanceFor(a).createItemAndRequestSubscription(JidCreate.bareFrom(bUser.jid()), nameInA, null);
        Await.until(aUser.name() + " subscribed to " + bUser.name(), java.time.Duration.ofSeconds(10),
                () -> subscribedTo(a, bUser));
        Roster.getInstanceFor(b).createItemAndRequestSubscription(JidCreate.bareFrom(aUser.jid()), aUser.name(), null);
        Await.until(aUser.name() + " and " + bUser.name() + " subscribed both ways", java.time.Duration.ofSeconds(10),
                () -> both(a, bUser) && both(b, aUser));
    }

    private static boolean subscribedTo(XMPPTCPConnection c, TestUser other) {
        try {
            var entry = Roster.getInstanceFor(c).getEntry(JidCreate.bareFrom(other.jid()));
            return entry != null && entry.canSeeHisPresence();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean both(XMPPTCPConnection c, TestUser other) {
        try {
            var entry = Roster.getInstanceFor(c).getEntry(JidCreate.bareFrom(other.jid()));
            return entry != null && entry.getType() == org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.both;
        } catch (Exception e) {
            return false;
        }
    }
}
