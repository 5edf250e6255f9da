package org.cusax.xmpp.contacts;


import org.cusax.core.port.RosterItem;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * Stands before Smack's own roster push handler (RFC 6121 §2.1.6) so that pushes cannot grow Smack's
 * {@link Roster} beyond {@code contacts.max-roster}: a push of a new contact while Smack's roster is full is
 * acknowledged (§2.1.6: the client answers every push) and dropped, and reported to the contact list, which warns;
 * every other push (an update, a removal, one Smack rejects) goes to Smack's handler. A dropped push does not move
 * the roster version, so the server offers it again at the next login.
 */
final class RosterPushCap extends AbstractIqRequestHandler {
    private final XMPPConnection connection;
    private final Roster roster;
    private final int max;
    private final ContactSync sync;
    private final IQRequestHandler smacks;

    private RosterPushCap(XMPPConnection connection, int max, ContactSync sync, IQRequestHandler smacks) {
        super(RosterPacket.ELEMENT, RosterPacket.NAMESPACE, IQ.Type.set, smacks.getMode());
        this.connection = connection;
        this.roster = Roster.getInstanceFor(connection);
        this.max = max;
        this.sync = sync;
        this.smacks = smacks;
    }

    /** Puts the cap before Smack's push handler of {@code connection}; the returned removal puts Smack's back. */
    static Runnable install(XMPPConnection connection, int max, ContactSync sync) {
        Roster.getInstanceFor(connection); // its push handler is registered when it is created
        IQRequestHandler smacks = connection.unregisterIQRequestHandler(RosterPacket.ELEMENT, RosterPacket.NAMESPACE,
                IQ.Type.set);
        if (smacks == null) {
            return () -> { };
        }
        RosterPushCap cap = new RosterPushCap(connection, max, sync, smacks);
        connection.registerIQRequestHandler(cap);
        return () -> {
            connection.unregisterIQRequestHandler(cap);
            connection.registerIQRequestHandler(smacks);
        };
    }

    @Override
    public IQ handleIQRequest(IQ request) {
        if (!(request instanceof RosterPacket push) || push.getRosterItemCount() != 1 || !fromOurAccount(push)) {
            return smacks.handleIQRequest(request);
        }
        RosterPacket.Item item = push.getRosterItems().get(0);
        if (item.getItemType() == RosterPacket.ItemType.remove || roster.getEntry(item.getJid()) != null
                || roster.getEntryCount() < max) {
            return smacks.handleIQRequest(request);
        }
        RosterItem ignored = PresenceMapper.item(item);
        sync.withCap(c -> c.pushDropped(ignored));
        return IQ.createResultIQ(request);
    }

    /** RFC 6121 §2.1.6: a push comes from our bare JID or has no 'from'; Smack judges the others. */
    private boolean fromOurAccount(RosterPacket push) {
        Jid from = push.getFrom();
        EntityFullJid user = connection.getUser();
        return user != null && (from == null || from.equals(user.asBareJid()));
    }
}
