package org.cusax.core.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.core.port.RosterItem;

/** What the XMPP half reports, handed to the parts of the session that own it. */
final class ChatSide implements ChatCallbacks {
    private final Optional<ChatDelivery> delivery;
    private final ContactList contactList;
    private final RosterEditor roster;
    private final EventBus events;
    private final Consumer<ConnectionStatus> status;

    ChatSide(Optional<ChatDelivery> delivery, ContactList contactList, RosterEditor roster, EventBus events,
             Consumer<ConnectionStatus> status) {
        this.delivery = delivery;
        this.contactList = contactList;
        this.roster = roster;
        this.events = events;
        this.status = status;
    }
    @Override
    public void onStatus(ConnectionStatus status) {
        if (status.state() == ConnectionState.FAILED) {
            delivery.ifPresent(ChatDelivery::streamFailed);
        }
        this.status.accept(status);
        if (status.state().up()) {
            delivery.ifPresent(ChatDelivery::flush);
        }
    }

    @Override
    public void onMessage(ChatMessage incoming) {
        events.publish(new ChatMessageReceived(Instant.now(), incoming));
    }

    @Override
    public void onAcknowledged(String messageId) {
        delivery.ifPresent(d -> d.acknowledged(messageId));
    }

    @Override
    public void onDeliveryFailed(String messageId, String reason) {
        delivery.ifPresent(d -> d.failed(messageId, reason));
    }

    @Override
    public void onRoster(List<RosterItem> items) {
        contactList.onRoster(items);
    }

    @Override
    public void onRosterItem(RosterItem item) {
        contactList.onRosterItem(item);
    }

    @Override
    public void onRosterItemRemoved(String jid) {
        contactList.onRosterItemRemoved(jid);
    }

    @Override
    public void onSubscriptionRequest(String jid) {
        roster.requested(jid);
    }

    @Override
    public void onSubscriptionWithdrawn(String jid) {
        roster.withdrawn(jid);
    }

    @Override
    public void onAvatar(String jid, String photoHash) {
        contactList.onAvatar(jid, photoHash);
    }

    @Override
    public void onPresence(String jid, Presence presence) {
        contactList.onPresence(jid, presence);
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels) {
        contactList.onTels(jid, source, tels);
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels, String rules, List<NormalizedAddress> forms) {
        contactList.onTels(jid, source, tels, rules, forms);
    }

    @Override
    public void onContactsLoading(int done, int total) {
        contactList.onContactsLoading(done, total);
    }

    @Override
    public void onContactsCapped(int kept, int ignored, int limit) {
        contactList.onContactsCapped(kept, ignored, limit);
    }

    @Override
    public void onContactsLoaded(int total) {
        contactList.onContactsLoaded(total);
    }
}
