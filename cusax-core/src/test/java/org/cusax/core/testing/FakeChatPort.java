package org.cusax.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TransmitResult;
import org.cusax.core.service.Half;

/** A scriptable XMPP half: the test decides when it is online and what the server acknowledges. */
public final class FakeChatPort implements ChatPort {
    private volatile ChatCallbacks callbacks;
    private volatile boolean online;
    private volatile boolean acks = true;
    private volatile boolean rejectNext;
    private volatile boolean stopped;
    private volatile java.util.function.Consumer<FakeChatPort> whenStarted = p -> { };
    private final List<ChatMessage> written = new CopyOnWriteArrayList<>();
    private final List<org.cusax.core.contact.Presence> presences = new CopyOnWriteArrayList<>();

    @Override
    public void start(ChatCallbacks callbacks) {
        this.callbacks = callbacks;
        whenStarted.accept(this);
    }

    @Override
    public TransmitResult transmit(ChatMessage message) {
        if (!online) {
            return TransmitResult.NOT_CONNECTED;
        }
        if (rejectNext) {
            rejectNext = false;
            callbacks.onDeliveryFailed(message.id(), "rejected by the fake");
            return TransmitResult.REJECTED;
        }
        written.add(message);
        return acks ? TransmitResult.SENT_AWAITING_ACK : TransmitResult.SENT_WITHOUT_ACK;
    }

    @Override
    public void setOwnPresence(org.cusax.core.contact.Presence presence) {
        presences.add(presence);
    }

    /** Every own presence the client asked to show, in order. */
    public List<org.cusax.core.contact.Presence> presences() {
        return List.copyOf(presences);
    }

    private final java.util.Map<String, org.cusax.core.contact.Avatar> avatars = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger avatarFetches = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public java.util.Optional<org.cusax.core.contact.Avatar> loadAvatar(String jid) {
        avatarFetches.incrementAndGet();
        return java.util.Optional.ofNullable(avatars.get(jid));
    }

    /** The picture {@link #loadAvatar} answers for {@code jid}. */
    public void avatar(String jid, org.cusax.core.contact.Avatar avatar) {
        avatars.put(jid, avatar);
    }

    /** How many pictures were fetched from this half. */
    public int avatarFetches() {
        return avatarFetches.get();
    }

    private final List<String> rosterChanges = new CopyOnWriteArrayList<>();
    private final List<org.cusax.core.account.Features> features = new CopyOnWriteArrayList<>();

    @Override
    public void setFeatures(org.cusax.core.account.Features switches) {
        features.add(switches);
    }

    /** Every feature-switch change the client passed on, in order. */
    public List<org.cusax.core.account.Features> featureChanges() {
        return List.copyOf(features);
    }
    private volatile org.cusax.core.port.RosterChangeException refuseRoster;

    @Override
    public void addContact(String jid, String name, List<String> groups)
            throws org.cusax.core.port.RosterChangeException {
        rosterChange("add " + jid + " '" + name + "' " + groups);
    }

    @Override
    public void updateContact(String jid, String name, List<String> groups)
            throws org.cusax.core.port.RosterChangeException {
        rosterChange("update " + jid + " '" + name + "' " + groups);
    }

    @Override
    public void removeContact(String jid) throws org.cusax.core.port.RosterChangeException {
        rosterChange("remove " + jid);
    }

    @Override
    public void answerSubscription(String jid, boolean approve) throws org.cusax.core.port.RosterChangeException {
        rosterChange((approve ? "approve " : "deny ") + jid);
    }

    private void rosterChange(String change) throws org.cusax.core.port.RosterChangeException {
        org.cusax.core.port.RosterChangeException refusal = refuseRoster;
        if (refusal != null) {
            throw refusal;
        }
        rosterChanges.add(change);
    }

    /** The roster changes asked of this half, in order, e.g. {@code add bob@x 'Bob' [Friends]}. */
    public List<String> rosterChanges() {
        return List.copyOf(rosterChanges);
    }

    /** From now on every roster change fails with {@code refusal} (null: they succeed again). */
    public void refuseRosterChanges(org.cusax.core.port.RosterChangeException refusal) {
        refuseRoster = refusal;
    }

    @Override
    public void stop() {
        stopped = true;
        online = false;
    }

    public void goOnline(ChannelSecurity security) {
        online = true;
        callbacks.onStatus(ConnectionStatus.online(Half.CHAT, security));
    }

    public void fail(FailureReason reason) {
        online = false;
        callbacks.onStatus(ConnectionStatus.failed(Half.CHAT, reason));
    }

    public void lose(FailureReason reason) {
        online = false;
        callbacks.onStatus(ConnectionStatus.reconnecting(Half.CHAT, reason, 1, java.time.Duration.ofSeconds(1)));
    }

    /** The next message handed over is refused for good (like an invalid address). */
    public void rejectNext() {
        rejectNext = true;
    }

    public void withoutAcks() {
        acks = false;
    }

    public void acknowledge(String id) {
        callbacks.onAcknowledged(id);
    }

    /** The server (or the peer's server) answers the message with an error, RFC 6120 §8.3. */
    public void refuse(String id, String reason) {
        callbacks.onDeliveryFailed(id, reason);
    }

    public void receive(ChatMessage message) {
        callbacks.onMessage(message);
    }

    public ChatCallbacks callbacks() {
        return callbacks;
    }

    public List<ChatMessage> written() {
        return written;
    }

    /** Runs when the client starts this port (e.g. to go online at once). */
    public FakeChatPort whenStarted(java.util.function.Consumer<FakeChatPort> action) {
        whenStarted = action;
        return this;
    }

    public boolean started() {
        return callbacks != null;
    }

    public boolean stopped() {
        return stopped;
    }
}
