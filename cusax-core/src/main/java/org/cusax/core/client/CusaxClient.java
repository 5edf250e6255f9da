package org.cusax.core.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.CallerBinding;
import org.cusax.core.history.ConversationHistory;
import org.cusax.core.history.HistoryEntry;
import org.cusax.core.history.HistoryStore;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.EventListener;
import org.cusax.core.config.RoutingSettings;
import org.cusax.core.routing.DomainOwnership;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.routing.CallRouter;
import org.cusax.core.routing.CallingAccount;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.service.Half;
import org.cusax.core.security.SecurityGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's session with one CUSAX service. Starts the two halves independently: neither waits for
 * the other, and a failure or loss on one never stops the other. Tracks both states, publishes every
 * change and checks security parity ({@link HalfStates}), and routes chat through the outbox. The
 * {@link CusaxCommands} the user interfaces call; the parts it composes do the work.
 */
public final class CusaxClient implements CusaxCommands, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CusaxClient.class);

    private final CusaxLink link;
    private final Optional<ChatPort> chatPort;
    private final Optional<TelephonyPort> telephonyPort;
    private final EventBus events;
    private final Optional<ChatDelivery> delivery;
    private final ContactList contactList;
    private final CallRouter router;
    private final CallBook calls;
    private final CallControl callControl;
    private final CallerBinding callerBinding;
    private final OnThePhone onThePhone;
    private final RosterEditor rosterEditor;
    private final ContactPictures pictures;
    private final HistoryStore history;
    private final HistoryRecorder historyRecorder;
    private final CallAudioControl callAudio;
    private final FeatureSwitches features;
    private final Optional<ExecutorService> ownChatWork;
    private final HalfStates states;
    /** Judges each call's media protection against its signalling (security.profile). */
    private final SecurityGuard mediaGuard;
    private final StartupPolicy startupPolicy;
    private final boolean confirmInterDomain;
    private final Object closing = new Object();
    private boolean started;
    private boolean closed;

    /** A client with an empty contact book for region US and the default tel preference. */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events) {
        this(link, chatPort, telephonyPort, events, new ContactBook(new AddressNormalizer("US")),
                TelPreference.defaults());
    }

    /** A client with {@link ClientOptions#defaults()}. */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference) {
        this(link, chatPort, telephonyPort, events, contacts, preference, ClientOptions.defaults());
    }

    /**
     * @param chatPort      the XMPP half, present exactly when the link has an XMPP account
     * @param telephonyPort the SIP half, present exactly when the link has a SIP account
     * @param contacts      the contact book the XMPP half fills (its normalizer knows the default region)
     * @param preference    order of a contact's numbers when the user must choose one
     * @param options       presence, history, sound devices, service policy, executors, security profile and
     *                      routing (see {@link ClientOptions})
     */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference, ClientOptions options) {
        if (link.chat().isPresent() != chatPort.isPresent()
                || link.telephony().isPresent() != telephonyPort.isPresent()) {
            throw new IllegalArgumentException("each configured account needs exactly one port");
        }
        this.link = link;
        this.chatPort = chatPort;
        this.telephonyPort = telephonyPort;
        this.events = events;
        this.delivery = chatPort.map(port -> new ChatDelivery(port, events));
        this.contactList = new ContactList(contacts, events);
        RoutingSettings routing = options.routing();
        this.router = new CallRouter(contacts, preference, link.chat(), new DomainOwnership(
                link.telephony().or(link::chat).map(a -> a.domain()), routing.ownNumbers()));
        this.confirmInterDomain = routing.confirmInterDomain();
        this.calls = new CallBook(events);
        this.callControl = new CallControl(telephonyPort, calls, this::route,
                link.telephony().map(a -> a.domain()).orElse(""));
        this.callerBinding = new CallerBinding(contacts);
        this.callAudio = new CallAudioControl(telephonyPort, calls, events, options.audioDevices());
        this.ownChatWork = options.chatWork().isEmpty() && chatPort.isPresent()
                ? Optional.of(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "cusax-chat-work");
                    t.setDaemon(true);
                    return t;
                })) : Optional.empty();
        java.util.concurrent.Executor chatWork = options.chatWork().or(() -> ownChatWork.map(e -> e))
                .orElse(Runnable::run);
        this.onThePhone = new OnThePhone(options.presence(), chatPort, chatWork);
        this.features = new FeatureSwitches(link, chatPort, telephonyPort, chatWork);
        this.rosterEditor = new RosterEditor(chatPort, chatWork, events);
        this.pictures = new ContactPictures(chatPort, chatWork, contacts);
        this.history = options.history();
        this.historyRecorder = new HistoryRecorder(history, contacts);
        this.startupPolicy = new StartupPolicy(options.policy(), options.policyExecutor(), link);
        events.subscribe(historyRecorder);
        this.states = new HalfStates(link, options.securityProfile(), events, this::stopHalf);
        this.mediaGuard = new SecurityGuard(options.securityProfile());
    }

    public CusaxLink link() {
        return link;
    }

    @Override
    public boolean confirmInterDomain() {
        return confirmInterDomain;
    }

    /** Starts both halves; returns at once. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("client already started");
        }
        started = true;
        states.started();
        Map<Half, StartupPolicy.HalfControl> halves = new EnumMap<>(Half.class);
        chatPort.ifPresent(port -> halves.put(Half.CHAT, new StartupPolicy.HalfControl(() -> startHalf(Half.CHAT,
                () -> port.start(new ChatSide(delivery, contactList, rosterEditor, events, this::updateStatus))),
                port::stop)));
        telephonyPort.ifPresent(port -> halves.put(Half.TELEPHONY, new StartupPolicy.HalfControl(() -> startHalf(
                Half.TELEPHONY, () -> port.start(new TelephonySide(calls, callControl, callerBinding, onThePhone,
                        this::updateStatus, callAudio, mediaGuard))), port::stop)));
        startupPolicy.start(halves, this::updateStatus);
    }

    private void startHalf(Half half, Runnable starter) {
        updateStatus(ConnectionStatus.connecting(half));
        try {
            starter.run();
        } catch (RuntimeException e) {
            LOG.warn("{} could not start", half.label(), e);
            updateStatus(ConnectionStatus.failed(half, FailureReason.of(FailureReason.Kind.CONFIGURATION,
                    half.label() + " could not start: " + e.getMessage())));
        }
    }

    @Override
    public ServiceStatus status() {
        return states.status();
    }

    @Override
    public ServiceStatus awaitSettled(Duration timeout) throws InterruptedException {
        return states.awaitSettled(timeout);
    }

    @Override
    public ChatMessage sendChat(String peerJid, String text) {
        if (chatPort.isEmpty()) {
            throw new IllegalStateException("no XMPP account is configured: chat is not available");
        }
        if (!features.chat().orElseThrow().features().imAndPresence()) {
            throw new IllegalStateException("chat is switched off for " + link.chat().orElseThrow().address());
        }
        String peer = ChatAddresses.requireBareJid(peerJid);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the message text is empty");
        }
        ChatMessage sent = delivery.orElseThrow().send(peer, text);
        historyRecorder.sent(sent);
        return sent;
    }

    @Override
    public Optional<DeliveryState> awaitDelivery(String messageId, Duration timeout) throws InterruptedException {
        return delivery.isEmpty() ? Optional.empty() : delivery.get().await(messageId, timeout);
    }

    /** Messages written but not yet confirmed, or still waiting for Chat. */
    public int pendingMessages() {
        return delivery.map(ChatDelivery::pending).orElse(0);
    }

    /**
     * What this session holds in memory right now (live state only: ended calls, finished deliveries and
     * the callers of ended calls are gone; the history store has them). For tests and debugging.
     */
    public LiveState liveState() {
        return new LiveState(calls.liveCalls(), onThePhone.callsUp(),
                calls.liveCallerBindings() + historyRecorder.liveCallerBindings(),
                delivery.map(ChatDelivery::pending).orElse(0), delivery.map(ChatDelivery::waiting).orElse(0));
    }

    @Override
    public List<Contact> contacts() {
        return contactList.contacts();
    }

    @Override
    public boolean awaitContactsLoaded(Duration timeout) throws InterruptedException {
        return contactList.awaitLoaded(timeout);
    }

    @Override
    public RoutingDecision route(String target) {
        List<CallingAccount> accounts = new ArrayList<>();
        features.telephony().ifPresent(a -> accounts.add(new CallingAccount(a, status().telephony().state())));
        features.chat().ifPresent(a -> accounts.add(new CallingAccount(a, status().chat().state())));
        return router.route(target, accounts);
    }

    @Override
    public Call placeCall(String target, AudioPlan audio) {
        return callControl.placeCall(target, audio);
    }

    @Override
    public Call placeCall(String target, AudioPlan audio, Optional<String> via) {
        return callControl.placeCall(target, audio, via);
    }

    @Override
    public void answer(String callId, AudioPlan audio) {
        callControl.answer(callId, audio);
    }

    @Override
    public void reject(String callId, int sipStatus) {
        callControl.reject(callId, sipStatus);
    }

    @Override
    public void hangUp(String callId) {
        callControl.hangUp(callId);
    }

    @Override
    public void sendDtmf(String callId, String digits) {
        callControl.sendDtmf(callId, digits);
    }

    @Override
    public void hold(String callId) {
        callControl.hold(callId);
    }

    @Override
    public void resume(String callId) {
        callControl.resume(callId);
    }

    @Override
    public void mute(String callId, boolean muted) {
        callAudio.mute(callId, muted);
    }

    @Override
    public void switchAudioDevices(String callId, Optional<String> input, Optional<String> output) {
        callAudio.switchDevices(callId, input, output);
    }

    /** True while our microphone in the call is muted. */
    public boolean isMuted(String callId) {
        return callAudio.isMuted(callId);
    }

    @Override
    public List<org.cusax.core.audio.AudioDevice> audioDevices() {
        return callAudio.devices();
    }

    @Override
    public List<Call> calls() {
        return calls.all();
    }

    @Override
    public Optional<Call> awaitCall(String callId, CallState state, Duration timeout) throws InterruptedException {
        return calls.await(callId, c -> c.state() == state || c.state() == CallState.ENDED, timeout);
    }

    @Override
    public Optional<CallerIdentity> caller(String callId) {
        return calls.caller(callId);
    }

    @Override
    public ChatMessage chatWithCaller(String callId, String text) {
        calls.require(callId);
        String jid = calls.caller(callId).flatMap(CallerIdentity::boundJid).orElseThrow(
                () -> new IllegalStateException("call " + callId + " is not bound to a contact: no one to chat with"));
        return sendChat(jid, text);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> addContact(String jid, String name, List<String> groups) {
        return rosterEditor.add(jid, name, groups);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> updateContact(String jid, String name, List<String> groups) {
        return rosterEditor.update(jid, name, groups);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> removeContact(String jid) {
        return rosterEditor.remove(jid);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> answerSubscription(String jid, boolean approve) {
        return rosterEditor.answer(jid, approve);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Optional<org.cusax.core.contact.Avatar>> avatar(String jid) {
        return pictures.load(jid);
    }

    @Override
    public List<String> subscriptionRequests() {
        return rosterEditor.pending();
    }

    @Override
    public List<Presence> ownPresence() {
        return List.of(onThePhone.chosen(), onThePhone.current());
    }

    @Override
    public void setOnThePhone(boolean on) {
        onThePhone.enabled(on);
    }

    @Override
    public void setCallInfo(boolean on) {
        telephonyPort.ifPresent(port -> port.setCallInfo(on));
    }

    @Override
    public void setFeatures(org.cusax.core.service.Half half, org.cusax.core.account.Features switches) {
        features.set(half, switches);
    }

    @Override
    public void setPresence(Presence presence) {
        if (presence == null || !presence.availability().online()) {
            throw new IllegalArgumentException("choose chat, available, away, xa or dnd");
        }
        onThePhone.choose(presence);
    }

    @Override
    public List<HistoryEntry> history(Optional<String> contactJid, int limit) {
        return new ConversationHistory(history).entries(contactJid, limit);
    }

    @Override
    public AutoCloseable subscribe(EventListener listener) {
        return events.subscribe(listener);
    }

    private void updateStatus(ConnectionStatus status) {
        if (startupPolicy.admit(status)) {
            states.update(status);
        }
    }

    /** Stops one half (security.profile = matched keeps it down; see {@link HalfStates}). */
    private void stopHalf(Half half) {
        if (half == Half.CHAT) {
            chatPort.ifPresent(ChatPort::stop);
        } else {
            telephonyPort.ifPresent(TelephonyPort::stop);
        }
    }

    /**
     * Ends the live calls (the SIP half sends BYE for answered calls, CANCEL for ours still ringing and 480
     * for incoming ones ringing, before its un-REGISTER), stops both halves in parallel (each bounded in
     * time), marks the chat messages the server never confirmed as failed (the outbox is in memory), then stops
     * the event thread. Safe to call more than once and from several threads (a signal hook
     * and the command itself): a second call waits for the first to finish.
     */
    @Override
    public void close() {
        synchronized (closing) {
            if (closed) {
                return;
            }
            closed = true;
            stopHalves();
        }
    }

    private void stopHalves() {
        Thread chatStop = HalfStopper.start(Half.CHAT, () -> stopHalf(Half.CHAT));
        Thread telStop = HalfStopper.start(Half.TELEPHONY, () -> stopHalf(Half.TELEPHONY));
        HalfStopper.join(chatStop);
        HalfStopper.join(telStop);
        delivery.ifPresent(ChatDelivery::clientStopped); // after the logout's last acks
        ownChatWork.ifPresent(ExecutorService::shutdownNow);
        for (Half half : Half.values()) {
            if (link.account(half).isPresent()) {
                updateStatus(ConnectionStatus.offline(half));
            }
        }
        events.close();
    }
}
