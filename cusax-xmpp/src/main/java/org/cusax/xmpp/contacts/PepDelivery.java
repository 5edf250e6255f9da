package org.cusax.xmpp.contacts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cusax.core.port.RosterItem;

/**
 * Which contacts' vCard4 comes without a request in this session. With {@code urn:xmpp:vcard4+notify} in our
 * caps (XEP-0163 §4, §6.1.1 "last published item", node default {@code send_last_published_item =
 * on_sub_and_presence}), our server sends us, after our initial presence, the last vCard4 (XEP-0292) of every
 * contact whose presence we are subscribed to; before it answers the ping we send next. Those contacts need
 * no items request: one request per contact instead of two.
 *
 * <p>Only where delivery is certain by the end of the burst: a session that sends an initial presence (not a
 * resumed stream, not chat off), contacts on our own server (another server's notifications may come after
 * our ping's answer) with subscription {@code to} or {@code both}. A contact that sent nothing by then has no
 * vCard4. Not thread-safe: used on the contact thread.
 */
final class PepDelivery {
    private String domain;
    private final Set<String> awaited = new LinkedHashSet<>();

    /** A presence burst is coming in this session (our server is {@code ownDomain}). */
    void expect(String ownDomain) {
        domain = ownDomain;
        awaited.clear();
    }

    /**
     * Of the contacts to load ({@code waiting}), those whose vCard4 will come by PEP: remembered as awaited,
     * and not to be requested.
     */
    Set<String> choose(Map<String, EnumSet<TelKind>> waiting, Map<String, RosterItem> roster) {
        if (domain == null) {
            return Set.of();
        }
        waiting.forEach((jid, kinds) -> {
            RosterItem item = roster.get(jid);
            if (kinds.contains(TelKind.VCARD4) && item != null && delivers(item)) {
                awaited.add(jid);
            }
        });
        return Set.copyOf(awaited);
    }

    /** A vCard4 notification from {@code jid}: true if it was awaited (and now is not). */
    boolean arrived(String jid) {
        return awaited.remove(jid);
    }

    /** The burst is over: the contacts still awaited (they have no vCard4); nothing is expected any more. */
    List<String> end() {
        List<String> left = new ArrayList<>(awaited);
        clear();
        return left;
    }

    /** Nothing is expected (connection lost, or the burst did not come). */
    void clear() {
        domain = null;
        awaited.clear();
    }

    private boolean delivers(RosterItem item) {
        boolean subscribed = item.subscription().equals("to") || item.subscription().equals("both");
        int at = item.jid().indexOf('@');
        return subscribed && at > 0 && item.jid().substring(at + 1).equalsIgnoreCase(domain);
    }
}
