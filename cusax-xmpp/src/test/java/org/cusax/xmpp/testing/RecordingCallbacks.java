package org.cusax.xmpp.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.RosterItem;
import org.cusax.core.port.ChatCallbacks;

/** Records everything a Chat port reports (status, chat, contacts) and lets a test wait for it. */
public final class RecordingCallbacks implements ChatCallbacks {
    /** One onTels call. */
    public record TelsEvent(String jid, TelSource source, List<RawTel> tels) {
    }

    private final List<ConnectionStatus> statuses = new ArrayList<>();
    private final List<List<RosterItem>> rosters = new ArrayList<>();
    private final List<String> rosterChanges = new ArrayList<>();
    private final List<TelsEvent> telsEvents = new ArrayList<>();
    private final Map<String, Presence> presences = new HashMap<>();
    private final List<int[]> loading = new ArrayList<>();
    private final List<Integer> loaded = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<String> acknowledged = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    @Override
    public synchronized void onStatus(ConnectionStatus status) {
        statuses.add(status);
        log.add("status " + status.state());
        notifyAll();
    }

    @Override
    public synchronized void onMessage(ChatMessage incoming) {
        messages.add(incoming);
        notifyAll();
    }

    @Override
    public synchronized void onAcknowledged(String messageId) {
        acknowledged.add(messageId);
        notifyAll();
    }

    @Override
    public synchronized void onDeliveryFailed(String messageId, String reason) {
        failed.add(messageId + ": " + reason);
        notifyAll();
    }

    @Override
    public synchronized void onRoster(List<RosterItem> items) {
        rosters.add(List.copyOf(items));
        log.add("roster " + items.size());
        notifyAll();
    }

    private final List<RosterItem> rosterItems = new ArrayList<>();
    private final List<String> subscriptionRequests = new ArrayList<>();

    @Override
    public synchronized void onSubscriptionRequest(String jid) {
        subscriptionRequests.add(jid);
        notifyAll();
    }

    private final List<String> subscriptionWithdrawals = new ArrayList<>();

    @Override
    public synchronized void onSubscriptionWithdrawn(String jid) {
        subscriptionWithdrawals.add(jid);
        notifyAll();
    }

    /** Waits for an inbound unsubscribe from {@code jid}. */
    public String awaitSubscriptionWithdrawn(String jid, Duration timeout) throws InterruptedException {
        return await(() -> subscriptionWithdrawals.contains(jid) ? jid : null, timeout, "unsubscribe of " + jid);
    }

    /** Waits for an inbound subscription request from {@code jid}. */
    public String awaitSubscriptionRequest(String jid, Duration timeout) throws InterruptedException {
        return await(() -> subscriptionRequests.contains(jid) ? jid : null, timeout, "subscription request of " + jid);
    }

    /** Waits for a roster push (added or changed item) that matches. */
    public RosterItem awaitRosterItem(Predicate<RosterItem> match, Duration timeout) throws InterruptedException {
        return await(() -> rosterItems.stream().filter(match).findFirst().orElse(null), timeout, "a matching roster item");
    }

    /** Waits for the roster push removing {@code jid}. */
    public String awaitRosterRemoved(String jid, Duration timeout) throws InterruptedException {
        return await(() -> rosterChanges.contains("-" + jid) ? jid : null, timeout, "removal of " + jid);
    }

    @Override
    public synchronized void onRosterItem(RosterItem item) {
        rosterItems.add(item);
        rosterChanges.add("+" + item.jid() + " " + item.subscription());
        notifyAll();
    }

    @Override
    public synchronized void onRosterItemRemoved(String jid) {
        rosterChanges.add("-" + jid);
        notifyAll();
    }

    @Override
    public synchronized void onPresence(String jid, Presence presence) {
        presences.put(jid, presence);
        notifyAll();
    }

    @Override
    public synchronized void onTels(String jid, TelSource source, List<RawTel> tels) {
        telsEvents.add(new TelsEvent(jid, source, List.copyOf(tels)));
        notifyAll();
    }

    @Override
    public synchronized void onContactsLoading(int done, int total) {
        loading.add(new int[] {done, total});
        notifyAll();
    }

    private final List<String> capped = new ArrayList<>();

    @Override
    public synchronized void onContactsCapped(int kept, int ignored, int limit) {
        capped.add("kept " + kept + ", ignored " + ignored + ", limit " + limit);
        log.add("capped " + kept + "/" + ignored);
        notifyAll();
    }

    /** Every onContactsCapped call as "kept K, ignored I, limit L". */
    public synchronized List<String> capped() {
        return List.copyOf(capped);
    }

    @Override
    public synchronized void onContactsLoaded(int total) {
        loaded.add(total);
        log.add("loaded " + total);
        notifyAll();
    }

    /** Statuses, full rosters and "loaded" in the order they came, e.g. {@code roster 9}, {@code status ONLINE}. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    public synchronized List<List<RosterItem>> rosters() {
        return List.copyOf(rosters);
    }

    public synchronized List<String> rosterChanges() {
        return List.copyOf(rosterChanges);
    }

    public synchronized List<TelsEvent> telsEvents() {
        return List.copyOf(telsEvents);
    }

    /** The last tels reported for (jid, source), if any were. */
    public synchronized Optional<List<RawTel>> tels(String jid, TelSource source) {
        for (int i = telsEvents.size() - 1; i >= 0; i--) {
            TelsEvent e = telsEvents.get(i);
            if (e.jid().equals(jid) && e.source() == source) {
                return Optional.of(e.tels());
            }
        }
        return Optional.empty();
    }

    public synchronized Optional<Presence> presence(String jid) {
        return Optional.ofNullable(presences.get(jid));
    }

    public synchronized List<Integer> loaded() {
        return List.copyOf(loaded);
    }

    /** Every onContactsLoading call as "done/total". */
    public synchronized List<String> loading() {
        return loading.stream().map(l -> l[0] + "/" + l[1]).toList();
    }

    /** Waits for the n-th (1-based) onContactsLoaded and returns its total. */
    public int awaitLoaded(int nth, Duration timeout) throws InterruptedException {
        return await(() -> loaded.size() >= nth ? loaded.get(nth - 1) : null, timeout, "contacts loaded #" + nth);
    }

    /** Waits until the last tels of (jid, source) match. */
    public List<RawTel> awaitTels(String jid, TelSource source, Predicate<List<RawTel>> match, Duration timeout)
            throws InterruptedException {
        return await(() -> tels(jid, source).filter(match).orElse(null), timeout, source + " tels of " + jid);
    }

    public Presence awaitPresence(String jid, Predicate<Presence> match, Duration timeout) throws InterruptedException {
        return await(() -> presence(jid).filter(match).orElse(null), timeout, "presence of " + jid);
    }

    public synchronized List<ConnectionStatus> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public synchronized List<String> failed() {
        return List.copyOf(failed);
    }

    public synchronized ConnectionStatus last() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    /** Waits for the n-th (1-based) status in this state, counting from the start of the recording. */
    public ConnectionStatus awaitState(ConnectionState state, int nth, Duration timeout) throws InterruptedException {
        return await(() -> statuses.stream().filter(s -> s.state() == state).skip(nth - 1L).findFirst().orElse(null),
                timeout, "status " + state + " #" + nth);
    }

    public ConnectionStatus awaitState(ConnectionState state, Duration timeout) throws InterruptedException {
        return awaitState(state, 1, timeout);
    }

    public ChatMessage awaitMessage(Predicate<ChatMessage> match, Duration timeout) throws InterruptedException {
        return await(() -> messages.stream().filter(match).findFirst().orElse(null), timeout, "a matching message");
    }

    /** Waits until at least {@code n} tels reports (any contact, any source) have arrived. */
    public int awaitTelsEvents(int n, Duration timeout) throws InterruptedException {
        return await(() -> telsEvents.size() >= n ? telsEvents.size() : null, timeout, n + " tels reports");
    }

    public String awaitAck(String id, Duration timeout) throws InterruptedException {
        return await(() -> acknowledged.contains(id) ? id : null, timeout, "ack of " + id);
    }

    private synchronized <T> T await(java.util.function.Supplier<T> probe, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + timeout + "; statuses: " + statuses
                        + "; messages: " + messages + "; acks: " + acknowledged + "; failed: " + failed);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
