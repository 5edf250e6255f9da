package org.cusax.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.config.ServicePolicy;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.CallerBinding;
import org.cusax.core.history.ConversationHistory;
import org.cusax.core.history.HistoryEntry;
import org.cusax.core.history.HistoryStore;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.EventListener;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.config.RoutingSettings;
import org.cusax.core.routing.DomainOwnership;
import org.cusax.core.security.SecurityGuard;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.routing.CallRouter;
import org.cusax.core.routing.CallingAccount;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.service.Half;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's session with one CUSAX service. Starts the two halves independently: neither waits for
 * the other, and a failure or loss on one never stops the other. Tracks both states, publishes every
 * change, checks security parity, and routes chat through the outbox.
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
    private final HistoryStore history;
    private final HistoryRecorder historyRecorder;
    private final CallAudioControl callAudio;
    private final Optional<java.util.concurrent.ExecutorService> ownChatWork;
    private final Map<Half, ConnectionStatus> states = new EnumMap<>(Half.class);
    private final StartupPolicy startupPolicy;
    private final SecurityGuard guard;
    private final boolean confirmInterDomain;
    private final String sipChannel;
    private final Set<Half> keptDown = EnumSet.noneOf(Half.class);
    private SecurityParity lastParity;
    private SecurityParity refusal;
    private boolean started;

    /** A client with an empty contact book for region US and the default tel preference. */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events) {
        this(link, chatPort, telephonyPort, events, new ContactBook(new AddressNormalizer("US")),
                TelPreference.defaults());
    }

    /**
     * @param contacts   the contact book the XMPP half fills (its normalizer knows the default region)
     * @param preference order of a contact's numbers when the user must choose one
     */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference) {
        this(link, chatPort, telephonyPort, events, contacts, preference, PresenceSettings.defaults(),
                new InMemoryHistoryStore());
    }

    /**
     * @param presence what our presence shows while on the phone, and whether calls are then refused
     * @param history  where calls and chat messages are recorded
     */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference, PresenceSettings presence,
                       HistoryStore history) {
        this(link, chatPort, telephonyPort, events, contacts, preference, presence, history, (Executor) null);
    }

    /** @param chatWork the XMPP half's executor (see the full constructor) */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference, PresenceSettings presence,
                       HistoryStore history, Executor chatWork) {
        this(link, chatPort, telephonyPort, events, contacts, preference, presence, history,
                org.cusax.core.port.AudioDevicesPort.none(), ServicePolicy.independent(), Runnable::run, chatWork,
                SecurityProfile.WARN, RoutingSettings.defaults());
    }

    /**
     * @param securityProfile what to do when the halves are not protected alike ({@code security.profile})
     * @param routing         which calls leave our service (flagged in the route, RFC 7081 §5) and
     *                        whether they need the user's confirmation
     */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference, PresenceSettings presence,
                       HistoryStore history, SecurityProfile securityProfile, RoutingSettings routing) {
        this(link, chatPort, telephonyPort, events, contacts, preference, presence, history,
                org.cusax.core.port.AudioDevicesPort.none(), ServicePolicy.independent(), Runnable::run, null,
                securityProfile, routing);
    }

    /** Without an XMPP half's executor: the client makes its own (see the full constructor). */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference, PresenceSettings presence,
                       HistoryStore history, org.cusax.core.port.AudioDevicesPort audioDevices, ServicePolicy policy,
                       Executor policyExecutor) {
        this(link, chatPort, telephonyPort, events, contacts, preference, presence, history, audioDevices, policy,
                policyExecutor, null, SecurityProfile.WARN, RoutingSettings.defaults());
    }

    /**
     * @param audioDevices   the machine's sound devices, for {@link #audioDevices()}
     * @param policy         the provider's service policy (RFC 7081 §2), honoured at start-up
     * @param policyExecutor where the policy starts or stops a half (never the other half's thread)
     * @param chatWork       the XMPP half's executor: what the SIP half's callbacks want from the XMPP half
     *                       (our "on the phone" presence) is posted there, so that no SIP callback, which may
     *                       run under the SIP half's call lock, ever waits on the XMPP writer. {@code null}:
     *                       the client makes (and on {@link #close} stops) one thread of its own.
     * @param securityProfile what to do when the halves are not protected alike ({@code security.profile});
     *                       the shorter constructors keep the report-only {@code warn}
     * @param routing        which calls leave our service (flagged in the route, RFC 7081 §5) and whether
     *                       they need the user's confirmation
     */
    public CusaxClient(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                       EventBus events, ContactBook contacts, TelPreference preference, PresenceSettings presence,
                       HistoryStore history, org.cusax.core.port.AudioDevicesPort audioDevices, ServicePolicy policy,
                       Executor policyExecutor, Executor chatWork, SecurityProfile securityProfile,
                       RoutingSettings routing) {
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
        this.router = new CallRouter(contacts, preference, link.chat(), new DomainOwnership(
                link.telephony().or(link::chat).map(a -> a.domain()), routing.ownNumbers()));
        this.confirmInterDomain = routing.confirmInterDomain();
        this.calls = new CallBook(events);
        this.callControl = new CallControl(telephonyPort, calls, this::route,
                link.telephony().map(a -> a.domain()).orElse(""));
        this.callerBinding = new CallerBinding(contacts);
        this.callAudio = new CallAudioControl(telephonyPort, calls, events, audioDevices);
        this.ownChatWork = chatWork == null && chatPort.isPresent() ? Optional.of(
                java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "cusax-chat-work");
                    t.setDaemon(true);
                    return t;
                })) : Optional.empty();
        this.onThePhone = new OnThePhone(presence, chatPort,
                chatWork != null ? chatWork : ownChatWork.<java.util.concurrent.Executor>map(e -> e).orElse(Runnable::run));
        this.history = history;
        this.historyRecorder = new HistoryRecorder(history, contacts);
        this.startupPolicy = new StartupPolicy(policy, policyExecutor, link);
        events.subscribe(historyRecorder);
        for (Half half : Half.values()) {
            states.put(half, notConfiguredOrOffline(half));
        }
        this.guard = new SecurityGuard(securityProfile);
        this.sipChannel = link.telephony().map(a -> "SIP over " + a.server().transport().name()).orElse("SIP");
        lastParity = parity();
    }

    /** The guard's comparison of the halves as they are now; once it kept a half down, that decision. */
    private SecurityParity parity() {
        return refusal != null ? refusal
                : SecurityParity.evaluate(states.get(Half.CHAT), states.get(Half.TELEPHONY), guard, sipChannel);
    }

    private ConnectionStatus notConfiguredOrOffline(Half half) {
        if (link.account(half).isPresent()) {
            return ConnectionStatus.offline(half);
        }
        return new ConnectionStatus(half, ConnectionState.OFFLINE,
                Optional.of(FailureReason.of(FailureReason.Kind.CONFIGURATION,
                        "no " + half.protocol() + " account is configured")),
                null, Instant.now(), 0, Optional.empty());
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
        Map<Half, StartupPolicy.HalfControl> halves = new EnumMap<>(Half.class);
        chatPort.ifPresent(port -> halves.put(Half.CHAT, new StartupPolicy.HalfControl(() -> startHalf(Half.CHAT,
                () -> port.start(new ChatSide(delivery, contactList, events, this::updateStatus))), port::stop)));
        telephonyPort.ifPresent(port -> halves.put(Half.TELEPHONY, new StartupPolicy.HalfControl(() -> startHalf(
                Half.TELEPHONY, () -> port.start(new TelephonySide(calls, callControl, callerBinding, onThePhone,
                        this::updateStatus, callAudio))), port::stop)));
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
        synchronized (states) {
            return new ServiceStatus(states.get(Half.CHAT), states.get(Half.TELEPHONY), lastParity);
        }
    }

    @Override
    public ServiceStatus awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (states) {
            while (!settled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(states, left);
            }
            return status();
        }
    }

    private boolean settled() {
        return states.values().stream().allMatch(s -> s.state().settled()
                && !(s.state() == ConnectionState.OFFLINE && started && link.account(s.half()).isPresent()));
    }

    @Override
    public ChatMessage sendChat(String peerJid, String text) {
        if (chatPort.isEmpty()) {
            throw new IllegalStateException("no XMPP account is configured: chat is not available");
        }
        if (!link.chat().orElseThrow().features().imAndPresence()) {
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
        link.telephony().ifPresent(a -> accounts.add(new CallingAccount(a, status().telephony().state())));
        link.chat().ifPresent(a -> accounts.add(new CallingAccount(a, status().chat().state())));
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
        if (!startupPolicy.admit(status)) {
            return;
        }
        SecurityParity parity;
        boolean parityChanged;
        ConnectionStatus keptDownStatus = null;
        synchronized (states) {
            if (keptDown.contains(status.half())) {
                LOG.debug("{} is kept down by the security profile; ignoring {}", status.half().label(), status.state());
                return;
            }
            ConnectionStatus previous = states.get(status.half());
            if (previous.state() == status.state() && previous.reason().equals(status.reason())
                    && previous.security().equals(status.security()) && previous.attempt() == status.attempt()) {
                return;
            }
            states.put(status.half(), status);
            parity = parity();
            Optional<Half> refused = parity.decision().refused();
            if (refused.isPresent()) {
                keptDown.add(refused.get());
                refusal = parity;
                keptDownStatus = ConnectionStatus.failed(refused.get(),
                        FailureReason.of(FailureReason.Kind.SECURITY_PROFILE, parity.explanation()));
                states.put(refused.get(), keptDownStatus);
            }
            parityChanged = !parity.equals(lastParity);
            lastParity = parity;
            states.notifyAll();
        }
        if (keptDownStatus == null || keptDownStatus.half() != status.half()) {
            LOG.info("{}: {}{}", status.half().label(), status.state(),
                    status.reason().map(r -> " (" + r.message() + ")").orElse(""));
            events.publish(new ConnectionChanged(status));
        }
        if (keptDownStatus != null) {
            keepDown(keptDownStatus);
        }
        if (parityChanged) {
            if (!parity.matched()) {
                LOG.warn("security mismatch: {}", parity.explanation());
            }
            events.publish(new SecurityParityChanged(Instant.now(), parity));
        }
    }

    /** security.profile = matched: the weaker half is stopped (on its own thread, never under a lock). */
    private void keepDown(ConnectionStatus failed) {
        LOG.warn("{}: {} ({})", failed.half().label(), failed.state(), failed.reason().map(FailureReason::message)
                .orElse(""));
        events.publish(new ConnectionChanged(failed));
        Runnable stop = failed.half() == Half.CHAT ? () -> chatPort.ifPresent(ChatPort::stop)
                : () -> telephonyPort.ifPresent(TelephonyPort::stop);
        stopper(failed.half(), stop);
    }

    /**
     * Ends the live calls (the SIP half sends BYE for answered calls, CANCEL for ours still ringing and 480
     * for incoming ones ringing, before its un-REGISTER), stops both halves in parallel (each bounded in
     * time), then the event thread. Safe to call more than once and from several threads (a signal hook
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

    private final Object closing = new Object();
    private boolean closed;

    private void stopHalves() {
        Thread chatStop = stopper(Half.CHAT, () -> chatPort.ifPresent(ChatPort::stop));
        Thread telStop = stopper(Half.TELEPHONY, () -> telephonyPort.ifPresent(TelephonyPort::stop));
        joinQuietly(chatStop);
        joinQuietly(telStop);
        ownChatWork.ifPresent(java.util.concurrent.ExecutorService::shutdownNow);
        for (Half half : Half.values()) {
            if (link.account(half).isPresent()) {
                updateStatus(ConnectionStatus.offline(half));
            }
        }
        events.close();
    }

    private static Thread stopper(Half half, Runnable stop) {
        Thread t = new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly", half.label(), e);
            }
        }, "cusax-stop-" + half.label());
        t.start();
        return t;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
