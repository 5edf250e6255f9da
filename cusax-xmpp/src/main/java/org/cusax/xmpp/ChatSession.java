package org.cusax.xmpp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLSession;

import org.cusax.core.account.Account;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.xmpp.chat.ChatTransmitter;
import org.cusax.xmpp.chat.ChatWiring;
import org.cusax.xmpp.chat.DeliveryTracker;
import org.cusax.xmpp.chat.IncomingChat;
import org.cusax.xmpp.chat.SmackStanzaLink;
import org.cusax.xmpp.connection.AckGate;
import org.cusax.xmpp.connection.ConnectionConfigFactory;
import org.cusax.xmpp.contacts.CapsPrimer;
import org.cusax.xmpp.contacts.ContactWiring;
import org.cusax.xmpp.connection.ConnectionSupervisor;
import org.cusax.xmpp.connection.FailureClassifier;
import org.cusax.xmpp.connection.ManagerListeners;
import org.cusax.xmpp.connection.OrderedPing;
import org.cusax.xmpp.connection.ResumedStreamCheck;
import org.cusax.xmpp.connection.RosterFirstConnection;
import org.cusax.xmpp.connection.SaslPolicy;
import org.cusax.xmpp.connection.SessionHooks;
import org.cusax.xmpp.connection.SessionSetupException;
import org.cusax.xmpp.features.CallingFeatures;
import org.cusax.xmpp.features.JingleRejector;
import org.cusax.xmpp.roster.RosterSetup;
import org.cusax.core.tls.TrustStores;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.cusax.xmpp.tls.TlsSetupException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.parsing.ExceptionLoggingCallback;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.packet.Carbon;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo.Identity;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager.AutoReceiptMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one started {@link SmackChatPort} owns: the Smack connection, its supervisor and the chat,
 * roster and feature wiring; and what runs after each login ({@link SessionHooks}).
 */
final class ChatSession implements SessionHooks {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSession.class);

    private final Account account;
    private final boolean chat;
    private final TlsSessionObserver tls = new TlsSessionObserver();
    private final RosterFirstConnection connection;
    private final ConnectionSupervisor supervisor;
    private final ChatTransmitter transmitter;
    private final RosterSetup roster;
    private final ContactWiring contacts;
    private final CapsPrimer caps;
    private final AckGate acks;
    /** Our listeners on Smack's static per-connection managers: taken off in {@link #release()}. */
    private final ManagerListeners managers = new ManagerListeners();
    private volatile boolean setupComplete;
    private volatile org.cusax.core.contact.Presence own = org.cusax.core.contact.Presence.of(
            org.cusax.core.contact.Availability.AVAILABLE);
    private volatile org.cusax.core.contact.Presence sent;
    private volatile long vcardRequestsBeforePresence = -1;
    /** The roster request of this login went out at binding ({@link #requestRosterAtBinding}). */
    private volatile boolean rosterRequestedAtBinding;

    /** @throws TlsSetupException or IllegalArgumentException when the configuration cannot work */
    /** contacts.prime-caps: our capabilities go to our own server before the roster request. */
    private final boolean primeCaps;

    ChatSession(Account account, XmppSettings settings, Backoff backoff, ContactSettings contactSettings,
                Optional<String> ownSipAor, AddressNormalizer normalizer, ChatCallbacks callbacks,
                ScheduledExecutorService retryTimer) throws TlsSetupException {
        this.account = account;
        this.chat = account.features().imAndPresence();
        connection = new RosterFirstConnection(
                ConnectionConfigFactory.build(account, settings, TlsContexts.forAccount(account.security(), tls)));
        connection.setReplyTimeout(settings.replyTimeout().toMillis());
        connection.setUseStreamManagement(settings.streamManagement());
        connection.setUseStreamManagementResumption(settings.streamManagement());
        // A stanza Smack cannot parse (contacts' data reaches us) is logged and dropped, not fatal to the stream.
        connection.setParsingExceptionCallback(new ExceptionLoggingCallback());

        List<String> mechanisms = SaslPolicy.mechanisms(settings.allowPlainSasl(), account.security().requireTls());
        FailureClassifier classifier = new FailureClassifier(new FailureClassifier.Context(account.domain(),
                account.server().host() + ":" + account.server().port(),
                TrustStores.describe(account.security()), mechanisms, account.security().minimumTlsVersion()));
        supervisor = new ConnectionSupervisor(connection, callbacks, backoff, classifier, this,
                "cusax-xmpp-" + account.authUser(), managers, retryTimer);

        DeliveryTracker tracker = new DeliveryTracker(callbacks);
        ChatWiring.trackDelivery(connection, tracker);
        if (chat) {
            ChatWiring.receive(connection, new IncomingChat(callbacks, Clock.systemUTC()), managers);
        } else {
            // No chat: do not answer XEP-0184 receipt requests for messages nobody will see.
            DeliveryReceiptManager.getInstanceFor(connection).setAutoReceiptMode(AutoReceiptMode.disabled);
        }
        transmitter = new ChatTransmitter(new SmackStanzaLink(connection, supervisor::online), tracker, chat);
        // Before the first presence: the PEP +notify features must be in our caps (XEP-0163 §4).
        acks = new AckGate(connection);
        contacts = new ContactWiring(connection, Optional.of(acks), account.address(), contactSettings, ownSipAor,
                normalizer, callbacks, managers);
        primeCaps = contactSettings.primeCaps();
        roster = new RosterSetup(connection, contacts.rosterStore(), callbacks::onSubscriptionRequest,
                callbacks::onSubscriptionWithdrawn, managers);
        caps = new CapsPrimer(connection);
        if (!primeCaps) { // the primer's presence goes before the roster request, after Smack's login listeners
            connection.afterBinding(this::requestRosterAtBinding);
        }
        ServiceDiscoveryManager.getInstanceFor(connection).setIdentity(new Identity("client", "cusax", "pc"));
        stripCallingFeatures();
        JingleRejector.install(connection);
        if (account.features().calling()) {
            LOG.debug("calling is on for {}, but CUSAX calls go over SIP: no Jingle is advertised", account.address());
        }
    }

    /**
     * Once the session has ended (its supervisor stopped): takes our listeners off Smack's managers, so that the
     * connection and everything built on it can be collected.
     */
    void release() {
        managers.removeAll();
    }

    /**
     * Starts connecting at once and returns once the cached contact list has been reported (read on the contact
     * thread meanwhile) and then CONNECTING: the list shows before any login, and the connection is not held up
     * by reading it.
     */
    void start() {
        supervisor.start(contacts::awaitCacheShown);
    }

    ConnectionSupervisor supervisor() {
        return supervisor;
    }

    ChatTransmitter transmitter() {
        return transmitter;
    }

    RosterSetup roster() {
        return roster;
    }

    ContactWiring contacts() {
        return contacts;
    }

    AckGate acks() {
        return acks;
    }

    /** vCard requests handed to Smack before the initial presence of the last new session (-1: none yet). */
    long vcardRequestsBeforePresence() {
        return vcardRequestsBeforePresence;
    }

    XMPPTCPConnection connection() {
        return connection;
    }

    @Override
    public void established(boolean resumed) throws Exception {
        if (resumed) {
            ResumedStreamCheck.verify(connection);
        }
        transmitter.resendDropped(); // before ONLINE: they go before what the core sends then
        stripCallingFeatures();
        if (!resumed) {
            setupComplete = false;
        }
        if (setupComplete) {
            if (!roster.loaded()) {
                contacts.beforeRosterLoad();
                roster.load();
            }
            if (chat && !own.equals(sent)) { // changed while the stream was down
                connection.sendStanza(ownPresence());
            }
            return;
        }
        if (!rosterRequestedAtBinding) {
            startRosterLoad();
        }
        rosterRequestedAtBinding = false;
        roster.awaitLoaded();
        if (chat) {
            // The vCard requests go out before our presence: the server answers in order, and handling our
            // initial presence (probes and broadcast to every contact, PEP items) takes it a while with a
            // large roster; the first numbers come one round trip after the roster, not after all that.
            contacts.awaitRequestsSent();
            if (primeCaps) {
                caps.awaitAnswered();
            }
            enableCarbons();
            long capsAnswers = caps.answersSent();
            vcardRequestsBeforePresence = contacts.stats().vcardRequests();
            connection.sendStanza(ownPresence());
            contacts.established(resumed);
            contacts.presenceBurstDone(awaitPresenceBurst(capsAnswers));
        }
        setupComplete = true;
    }

    /**
     * Right after resource binding, before Smack enables stream management and waits for the answer: the roster
     * request goes out with {@code <enable/>}, one round trip less to a new session's contact list. If it cannot be
     * sent now, {@link #established} sends it.
     */
    private void requestRosterAtBinding() {
        rosterRequestedAtBinding = false;
        try {
            startRosterLoad();
            rosterRequestedAtBinding = true;
        } catch (SessionSetupException | SmackException.NotConnectedException e) {
            LOG.debug("roster not requested at binding: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests the roster of a new session (at binding, else once logged in). */
    private void startRosterLoad() throws SessionSetupException,
            SmackException.NotConnectedException, InterruptedException {
        contacts.beforeRosterLoad();
        if (chat) {
            contacts.expectPresenceBurst(); // vCard4 by PEP after our presence, not by request
        }
        if (chat && primeCaps) {
            caps.send(); // the server's caps query is answered while the roster comes
        }
        roster.request();
    }

    /**
     * The server answers our initial presence with the presence of every online contact it serves (RFC 6121
     * §4.4.2) before it handles our next stanza: a ping (XEP-0199) answered, its answer taken after the listeners of
     * everything before it ({@link OrderedPing}), means those presences have
     * arrived, so Chat is reported online with the contacts' presences known, not "unavailable" for a
     * moment. One round trip; contacts on other servers may still come later. The server also sends the
     * last PEP items of our contacts (XEP-0163 §6.1.1) before the answer, unless it did not know our caps
     * hash: then it asked us first (our answers are counted), and their items come before the answer to
     * one more ping sent after our answers.
     *
     * @param capsAnswers caps queries answered before our presence
     * @return whether the burst is known to be complete (false: no answer, or caps queries kept coming)
     */
    private boolean awaitPresenceBurst(long capsAnswers) throws InterruptedException {
        long seen = capsAnswers;
        try {
            for (int ping = 0; ping < 3; ping++) {
                if (!OrderedPing.pingServer(connection)) {
                    LOG.debug("no answer to the ping after our initial presence");
                    return false;
                }
                long now = caps.answersSent();
                if (now == seen) {
                    return true;
                }
                seen = now;
            }
        } catch (SmackException.NotConnectedException e) {
            LOG.debug("connection lost before the presence burst: {}", e.getMessage());
        }
        return false;
    }

    /**
     * Asks for message carbons (XEP-0280 §4) without waiting for the answer, nor asking the server first whether
     * it supports them (one disco#info round trip, and one more for the answer, before our presence): the
     * server handles our stanzas in order (RFC 6120 §10.1), so carbons are on before our presence and anything
     * we send after it; a server without them answers with an error, logged. Not through Smack's
     * {@code CarbonManager.enableCarbonsAsync}: that also makes the manager enable carbons again inside every later
     * login of the connection, at its "authenticated" step, with a blocking request (one round trip more in every
     * reconnection's login, then ours again); each new session asks here, once.
     */
    private void enableCarbons() throws SmackException.NotConnectedException, InterruptedException {
        connection.sendIqRequestAsync(new Carbon.Enable())
                .onError(e -> LOG.info("message carbons (XEP-0280) not enabled: {}", e.getMessage()));
    }

    private void stripCallingFeatures() {
        List<String> removed = CallingFeatures.strip(ServiceDiscoveryManager.getInstanceFor(connection));
        if (!removed.isEmpty()) {
            LOG.info("removed calling features from service discovery: {}", removed);
        }
    }

    @Override
    public ChannelSecurity security() {
        String mechanism = connection.getUsedSaslMechansism();
        if (!connection.isSecureConnection()) {
            return ChannelSecurity.plain(mechanism);
        }
        return tls.session()
                .map((SSLSession s) -> ChannelSecurity.tls(s.getProtocol(), s.getCipherSuite(), account.domain(),
                        mechanism))
                .orElseGet(() -> ChannelSecurity.tls(null, null, account.domain(), mechanism));
    }

    /**
     * Shows {@code presence} from now on (RFC 6121 §4.7.2: show and status); sent at once when the
     * session is up, else with the next login. Ignored when chat and presence are switched off.
     */
    void setOwnPresence(org.cusax.core.contact.Presence presence) {
        own = presence;
        if (chat && setupComplete && connection.isAuthenticated()) {
            try {
                connection.sendStanza(ownPresence());
            } catch (SmackException.NotConnectedException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.info("presence not sent now ({}); it goes out with the next login", e.getMessage());
            }
        }
    }

    private Presence ownPresence() {
        org.cusax.core.contact.Presence p = own;
        sent = p;
        var builder = StanzaBuilder.buildPresence().ofType(Presence.Type.available).setMode(mode(p.availability()));
        if (!p.status().isEmpty()) {
            builder.setStatus(org.cusax.xmpp.xml.XmlChars.replaceInvalid(p.status())); // a NUL would end the stream
        }
        return builder.build();
    }

    private static Presence.Mode mode(org.cusax.core.contact.Availability a) {
        return switch (a) {
            case CHAT -> Presence.Mode.chat;
            case AWAY -> Presence.Mode.away;
            case XA -> Presence.Mode.xa;
            case DND -> Presence.Mode.dnd;
            default -> Presence.Mode.available;
        };
    }

    /** Unavailable presence for a clean logout, if we ever sent presence. */
    Presence goodbye() {
        return chat ? StanzaBuilder.buildPresence().ofType(Presence.Type.unavailable).build() : null;
    }
}
