package org.cusax.xmpp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.RosterChangeException;
import org.cusax.core.port.TransmitResult;
import org.cusax.core.service.Half;
import org.cusax.xmpp.contacts.LoadStats;
import org.cusax.xmpp.roster.RosterContact;
import org.cusax.xmpp.roster.RosterEdits;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.cusax.xmpp.roster.RosterView;
import org.cusax.xmpp.tls.TlsSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP half of CUSAX on Smack 4.4: logs in over STARTTLS with SCRAM, stays logged in (XEP-0198
 * resumption, backoff reconnection), carries one-to-one chat, keeps the roster, reports contacts with
 * their telephony addresses (vcard-temp, vCard4, XEP-0152 reachability; cached per account on disk),
 * publishes our SIP address as reachability, and never advertises XMPP calls.
 *
 * <p>{@link #start} returns once the cached contact list (if any) has been reported, without waiting for the
 * network: the connection is already being made, on the adapter's own threads, and every state change is
 * reported through {@link ChatCallbacks#onStatus}, CONNECTING first.
 */
public final class SmackChatPort implements ChatPort {
    private static final Logger LOG = LoggerFactory.getLogger(SmackChatPort.class);
    /** Upper bound of {@link #stop()}. */
    static final Duration STOP_BUDGET = Duration.ofSeconds(5);
    /** Of the stop budget, how long a logout waits for the server to acknowledge the last messages sent. */
    static final Duration SETTLE_BUDGET = Duration.ofSeconds(1);
    static final String UNCONFIRMED_AT_SWITCH = "chat was switched off before the server confirmed the message; "
            + "it may not have been delivered";

    /** The account, with its feature switches as they are now ({@link #setFeatures}). */
    private volatile Account account;
    private volatile ChatCallbacks callbacks;
    /** Held while a session is replaced or the port stops, so the two never cross. */
    private final Object sessionChange = new Object();
    private final XmppSettings settings;
    private final Backoff backoff;
    private final ContactSettings contacts;
    private final Optional<String> ownSipAor;
    private final AddressNormalizer normalizer;
    private final ScheduledExecutorService retryTimer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile ChatSession session;
    private volatile org.cusax.core.contact.Presence ownPresence;

    /** Default contact settings (no disk cache), no reachability published. */
    public SmackChatPort(Account account, XmppSettings settings, Backoff backoff) {
        this(account, settings, backoff, ContactSettings.defaults(), Optional.empty());
    }

    /**
     * @param contacts  how contacts are loaded and cached (requests in flight, cache directory, reachability)
     * @param ownSipAor our SIP address-of-record, published as XEP-0152 reachability in presence and PEP
     *                  when {@code contacts.publishReachability()}
     */
    public SmackChatPort(Account account, XmppSettings settings, Backoff backoff, ContactSettings contacts,
                         Optional<String> ownSipAor) {
        this(account, settings, backoff, contacts, ownSipAor,
                new AddressNormalizer(contacts == null ? "" : contacts.defaultRegion()));
    }

    /**
     * @param normalizer the one the core's contact book normalizes with (same default region as
     *                   {@code contacts}): the contact cache keeps the very forms the core holds, not copies
     */
    public SmackChatPort(Account account, XmppSettings settings, Backoff backoff, ContactSettings contacts,
                         Optional<String> ownSipAor, AddressNormalizer normalizer) {
        this(account, settings, backoff, contacts, ownSipAor, normalizer, retryTimer(account.address()));
    }

    /**
     * @param retryTimer where the backoff delays between connection attempts run (from the composition root; a
     *                   manual one in tests): it only hands each attempt to the session's own thread. The port
     *                   shuts it down when it stops.
     */
    public SmackChatPort(Account account, XmppSettings settings, Backoff backoff, ContactSettings contacts,
                         Optional<String> ownSipAor, AddressNormalizer normalizer, ScheduledExecutorService retryTimer) {
        if (retryTimer == null) {
            throw new IllegalArgumentException("a retry timer is required");
        }
        if (normalizer == null || contacts == null
                || !normalizer.rules().equals(AddressNormalizer.rules(contacts.defaultRegion()))) {
            throw new IllegalArgumentException("the normalizer must read numbers in contacts.default-region");
        }
        if (account == null || settings == null || backoff == null || contacts == null || ownSipAor == null) {
            throw new IllegalArgumentException("account, settings, backoff, contact settings and SIP AOR are required");
        }
        if (account.protocol() != Protocol.XMPP) {
            throw new IllegalArgumentException(account + " is not an XMPP account");
        }
        this.account = account;
        this.settings = settings;
        this.backoff = backoff;
        this.contacts = contacts;
        this.ownSipAor = ownSipAor;
        this.normalizer = normalizer;
        this.retryTimer = retryTimer;
    }

    /**
     * The retry timer the composition root gives the port: the backoff delays between connection attempts (each
     * attempt runs on the session's own thread). One daemon thread, started at the first retry only; a cancelled
     * retry leaves its queue at once; the port stops it.
     */
    public static ScheduledExecutorService retryTimer(String jid) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cusax-xmpp-retry " + jid);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public void start(ChatCallbacks callbacks) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the Chat port was already started");
        }
        if (stopped.get()) {
            return;
        }
        this.callbacks = callbacks;
        open(callbacks);
    }

    /** Builds and starts a session for the account as it is now. */
    private void open(ChatCallbacks callbacks) {
        ChatSession s;
        try {
            s = new ChatSession(account, settings, backoff, contacts, ownSipAor, normalizer, callbacks, retryTimer);
        } catch (TlsSetupException | IllegalArgumentException e) {
            LOG.warn("Chat cannot start: {}", e.getMessage());
            callbacks.onStatus(ConnectionStatus.failed(Half.CHAT,
                    FailureReason.of(FailureReason.Kind.CONFIGURATION, e.getMessage())));
            return;
        }
        session = s;
        org.cusax.core.contact.Presence chosen = ownPresence;
        if (chosen != null) {
            s.setOwnPresence(chosen);
        }
        s.start();
    }

    /**
     * CUSAX §3 switches changed in the running session. Chat and presence on or off decide how a session is
     * set up (initial presence, carbons, message receipts, presence at logout), so the session logs out cleanly
     * (unavailable presence if it had any) and logs in again with the new switches, as a reconnection does;
     * the contact list comes back from the cache. The logout first waits a little for the acks of the last messages
     * sent; chat switched off, those the server still has not confirmed are reported failed (the new session cannot
     * carry them). Calling on or off changes nothing here: we never advertise
     * XMPP calls. Blocks for the logout (at most {@link #STOP_BUDGET}); call it on the XMPP half's executor.
     */
    @Override
    public void setFeatures(Features features) {
        synchronized (sessionChange) {
            Account before = account;
            account = before.withFeatures(features);
            ChatSession old = session;
            if (before.features().imAndPresence() == features.imAndPresence() || old == null || stopped.get()) {
                return;
            }
            LOG.info("chat and presence switched {} for {}: logging in again", features.imAndPresence() ? "on" : "off",
                    before.address());
            close(old);
            if (!features.imAndPresence()) {
                old.transmitter().failUnconfirmed(UNCONFIRMED_AT_SWITCH);
            }
            open(callbacks);
        }
    }

    /** Waits for the acks still due before a clean logout (part of {@link #STOP_BUDGET}). */
    private static void close(ChatSession s) {
        long start = System.nanoTime();
        s.transmitter().settle(SETTLE_BUDGET);
        s.supervisor().stop(s.goodbye(), STOP_BUDGET.minusNanos(System.nanoTime() - start));
        s.acks().close();
        s.contacts().close();
        s.release();
    }

    @Override
    public TransmitResult transmit(ChatMessage message) {
        ChatSession s = session;
        if (s == null || stopped.get()) {
            return TransmitResult.NOT_CONNECTED;
        }
        return s.transmitter().transmit(message);
    }

    @Override
    public void setOwnPresence(org.cusax.core.contact.Presence presence) {
        ownPresence = presence;
        ChatSession s = session;
        if (s != null && !stopped.get()) {
            s.setOwnPresence(presence);
        }
    }

    @Override
    public void addContact(String jid, String name, List<String> groups) throws RosterChangeException,
            InterruptedException {
        edits().add(jid, name, groups);
    }

    @Override
    public void updateContact(String jid, String name, List<String> groups) throws RosterChangeException,
            InterruptedException {
        edits().update(jid, name, groups);
    }

    @Override
    public void removeContact(String jid) throws RosterChangeException, InterruptedException {
        edits().remove(jid);
    }

    @Override
    public void answerSubscription(String jid, boolean approve) throws RosterChangeException, InterruptedException {
        edits().answer(jid, approve);
    }

    @Override
    public Optional<org.cusax.core.contact.Avatar> loadAvatar(String jid) throws InterruptedException {
        ChatSession s = session;
        if (s == null || stopped.get() || !s.connection().isAuthenticated()) {
            return Optional.empty();
        }
        try {
            VCardTempIq vcard = s.contacts().vcardTemp().fetch(JidCreate.bareFrom(jid))
                    .get(settings.replyTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            return vcard.photoData().flatMap(org.cusax.core.contact.Avatar::of);
        } catch (XmppStringprepException | ExecutionException | TimeoutException e) {
            LOG.debug("no picture for {}: {}", jid, e.toString());
            return Optional.empty();
        }
    }

    private RosterEdits edits() throws RosterChangeException {
        ChatSession s = session;
        if (s == null || stopped.get()) {
            throw new RosterChangeException(RosterChangeException.Kind.NOT_CONNECTED, "Chat is not running");
        }
        return s.roster().edits();
    }

    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        synchronized (sessionChange) {
            ChatSession s = session;
            if (s != null) {
                close(s);
            }
        }
        retryTimer.shutdownNow();
    }

    /** The session now running (null before start); for tests in this package. */
    ChatSession sessionForTest() {
        return session;
    }

    /** Counters of contact loading (vCard requests sent, most in flight, contacts from cache); for tests. */
    public LoadStats contactStats() {
        ChatSession s = session;
        return s != null ? s.contacts().stats() : LoadStats.NONE;
    }

    /** Fetches one contact's vCards again, ignoring the cache (no-op before start or for a non-contact). */
    public void refreshContact(String jid) {
        ChatSession s = session;
        if (s != null && !stopped.get()) {
            s.contacts().refresh(jid);
        }
    }

    /** Fetches every contact's vCards again, reporting progress and then "contacts loaded". */
    public void refreshContacts() {
        ChatSession s = session;
        if (s != null && !stopped.get()) {
            s.contacts().refreshAll();
        }
    }

    /** The contact list; empty until the first login. */
    public RosterView roster() {
        ChatSession s = session;
        return s != null ? s.roster().view() : EMPTY_ROSTER;
    }

    /** Where the connection is (OFFLINE before start). */
    public ConnectionState state() {
        ChatSession s = session;
        return s != null ? s.supervisor().state() : ConnectionState.OFFLINE;
    }

    /** The running session, for tests in this package. */
    ChatSession session() {
        return session;
    }

    private static final RosterView EMPTY_ROSTER = new RosterView() {
        @Override
        public boolean loaded() {
            return false;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public List<RosterContact> contacts() {
            return List.of();
        }
    };
}
