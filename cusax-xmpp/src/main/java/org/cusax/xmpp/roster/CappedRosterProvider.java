package org.cusax.xmpp.roster;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.provider.RosterPacketProvider;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses {@code <query xmlns='jabber:iq:roster'/>} (RFC 6121 §2.1.3 results, §2.1.6 pushes) keeping at most a
 * limit of items, so that a hostile server's huge roster costs no memory beyond it: the items kept are the first
 * by bare JID (the same ones {@code contacts.max-roster} keeps), each parsed by Smack's own
 * {@link RosterPacketProvider#parseItem}; an item that would not be kept is skipped without building anything.
 * The version ({@code ver}) is kept. A cut result carries a {@link RosterSkipped} note and is logged once.
 *
 * <p>Smack's providers are process-wide: the limit is the largest {@code contacts.max-roster} of the sessions
 * that hold it ({@link #hold}); with none, nothing is cut. A push carries one item and is never cut.
 */
public final class CappedRosterProvider extends IQProvider<RosterPacket> {
    /** The one registered with Smack ({@link #register()}). */
    public static final CappedRosterProvider INSTANCE = new CappedRosterProvider();
    private static final Logger LOG = LoggerFactory.getLogger(CappedRosterProvider.class);

    private final Map<Object, Integer> holds = new ConcurrentHashMap<>();

    /** Replaces Smack's roster provider by {@link #INSTANCE}; calling it again changes nothing. */
    public static void register() {
        ProviderManager.addIQProvider(RosterPacket.ELEMENT, RosterPacket.NAMESPACE, INSTANCE);
    }

    /**
     * A session's {@code contacts.max-roster} counts towards the limit until the returned removal is run (when
     * the session ends).
     */
    public Runnable hold(int maxRoster) {
        if (maxRoster < 1) {
            throw new IllegalArgumentException("contacts.max-roster must be at least 1");
        }
        Object token = new Object();
        holds.put(token, maxRoster);
        return () -> holds.remove(token);
    }

    /** The current limit: the largest held, or no limit when none is held. */
    public int limit() {
        return holds.values().stream().mapToInt(Integer::intValue).max().orElse(Integer.MAX_VALUE);
    }

    @Override
    public RosterPacket parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        int limit = limit();
        RosterPacket packet = new RosterPacket();
        packet.setVersion(parser.getAttributeValue("", "ver"));
        TreeMap<String, RosterPacket.Item> kept = new TreeMap<>();
        int skipped = 0;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT && "item".equals(parser.getName())) {
                if (kept.size() < limit || sortsBefore(parser.getAttributeValue("", "jid"), kept.lastKey())) {
                    RosterPacket.Item item = RosterPacketProvider.parseItem(parser);
                    kept.put(item.getJid().toString(), item);
                    if (kept.size() > limit) {
                        kept.pollLastEntry();
                        skipped++;
                    }
                } else {
                    ParserUtils.forwardToEndTagOfDepth(parser, parser.getDepth());
                    skipped++;
                }
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth
                    || event == XmlPullParser.Event.END_DOCUMENT) {
                break;
            }
        }
        kept.values().forEach(packet::addRosterItem);
        if (skipped > 0) {
            packet.addExtension(new RosterSkipped(kept.size(), skipped));
            LOG.warn("a roster of {} items was cut while parsing to the largest contacts.max-roster of this process"
                    + " ({}): the first {} by address are kept, {} skipped", kept.size() + skipped, limit, kept.size(),
                    skipped);
        }
        return packet;
    }

    /**
     * Whether an item with the raw {@code jid} attribute would be kept before {@code last}; an attribute that is
     * missing or no JID is parsed by Smack, which rejects it as it always does.
     */
    private static boolean sortsBefore(String jid, String last) {
        if (jid == null) {
            return true;
        }
        try {
            return JidCreate.bareFrom(jid).toString().compareTo(last) < 0;
        } catch (XmppStringprepException e) {
            return true;
        }
    }
}
