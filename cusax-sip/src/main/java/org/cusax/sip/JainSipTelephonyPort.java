package org.cusax.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.config.SipSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.core.port.TelephonyPort;
import org.cusax.sip.auth.ChallengeSelector;
import org.cusax.sip.auth.DigestAuthenticator;
import org.cusax.sip.call.CallManager;
import org.cusax.sip.call.CallerClaimsReader;
import org.cusax.sip.call.CallTimeouts;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.processor.MethodCapabilities;
import org.cusax.sip.processor.RequestDispatcher;
import org.cusax.sip.processor.Responder;
import org.cusax.sip.registration.FailureClassifier;
import org.cusax.sip.registration.RegisterRequests;
import org.cusax.sip.registration.RegistrationClient;
import org.cusax.sip.registration.StatusReporter;
import org.cusax.sip.stack.EndpointConfig;
import org.cusax.sip.stack.LocalAddresses;
import org.cusax.sip.stack.SipEndpoint;
import org.cusax.sip.stack.SipSetupException;
import org.cusax.sip.tls.TlsPolicy;
import org.cusax.sip.tls.ListenerIdentity;
import org.cusax.sip.tls.TlsSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telephony half on JAIN-SIP: one SIP stack for one account, registered and kept registered
 * until {@link #stop()}. All registration work runs on one thread of its own; {@link #start} returns
 * at once. See the package documentation of {@code org.cusax.sip.registration} for the behaviour on
 * failures and connection loss.
 */
public final class JainSipTelephonyPort implements TelephonyPort {
    private static final Logger LOG = LoggerFactory.getLogger(JainSipTelephonyPort.class);
    /** How long {@link #stop()} waits for the registrar to confirm the un-REGISTER. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Account account;
    private final SipSettings settings;
    private final Backoff backoff;
    private final Optional<String> linkedJid;
    /** Call-Info with {@link #linkedJid} in our INVITEs (sip.call-info; the user may switch it in the session). */
    private volatile boolean callInfo = true;
    /** The account's feature switches as they are now (changed in the running session by {@link #setFeatures}). */
    private volatile Features features;
    private volatile MethodCapabilities capabilities;
    private final Optional<org.cusax.media.device.LiveAudio> liveAudio;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private final ScheduledExecutorService injectedScheduler;
    private volatile Thread executorThread;
    private volatile StatusReporter status;
    private volatile SipEndpoint endpoint;
    private volatile RegistrationClient registration;
    private volatile CallManager calls;
    private volatile TelephonyCallbacks callbacks;

    /**
     * @param linkedJid our XMPP address, sent as Call-Info (purpose=impp) in our INVITEs (RFC 7081 §5)
     */
    public JainSipTelephonyPort(Account account, SipSettings settings, Backoff backoff, Optional<String> linkedJid) {
        this(account, settings, backoff, linkedJid, Optional.empty(), null);
    }

    /**
     * @param liveAudio the machine's sound devices for calls whose plan uses them (microphone, speaker); empty =
     *                  such calls run without them and report the devices unavailable
     */
    public JainSipTelephonyPort(Account account, SipSettings settings, Backoff backoff, Optional<String> linkedJid,
                                Optional<org.cusax.media.device.LiveAudio> liveAudio) {
        this(account, settings, backoff, linkedJid, liveAudio, null);
    }

    /** The same, on the given scheduler (see below) and without sound devices. */
    public JainSipTelephonyPort(Account account, SipSettings settings, Backoff backoff, Optional<String> linkedJid,
                                ScheduledExecutorService scheduler) {
        this(account, settings, backoff, linkedJid, Optional.empty(), scheduler);
    }

    /**
     * @param liveAudio the machine's sound devices for calls whose plan uses them (microphone, speaker); empty =
     *                  such calls run without them and report the devices unavailable
     * @param scheduler the SIP half's own scheduler (from the composition root; a fake one in tests): all
     *                  registration work, refreshes, backoff and call timers run on it. The port shuts it down
     *                  when it stops. {@code null}: the port makes one thread of its own.
     */
    public JainSipTelephonyPort(Account account, SipSettings settings, Backoff backoff, Optional<String> linkedJid,
                                Optional<org.cusax.media.device.LiveAudio> liveAudio, ScheduledExecutorService scheduler) {
        this.liveAudio = liveAudio == null ? Optional.empty() : liveAudio;
        this.injectedScheduler = scheduler;
        if (account == null || settings == null || backoff == null) {
            throw new IllegalArgumentException("account, SIP settings and backoff are required");
        }
        if (account.protocol() != Protocol.SIP) {
            throw new IllegalArgumentException(account + " is not a SIP account");
        }
        this.account = account;
        this.features = account.features();
        this.settings = settings;
        this.backoff = backoff;
        this.linkedJid = linkedJid == null ? Optional.empty() : linkedJid;
    }

    @Override
    public void setCallInfo(boolean on) {
        callInfo = on;
        LOG.info("Call-Info (our XMPP address in INVITEs) {}", on ? "on" : "off");
    }

    @Override
    public void setFeatures(Features changed) {
        features = changed;
        MethodCapabilities caps = capabilities;
        if (caps != null) {
            caps.set(changed);
        }
        RegistrationClient r = registration;
        if (r != null) {
            r.refreshNow(); // the registrar (Kamailio honours it) learns the new Allow
        }
        LOG.info("feature switches of {} now: calling {}, IM/presence {}", account.address(),
                changed.calling() ? "on" : "off", changed.imAndPresence() ? "on" : "off");
    }

    @Override
    public void start(TelephonyCallbacks callbacks) {
        if (callbacks == null) {
            throw new IllegalArgumentException("callbacks are required");
        }
        if (stopped.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("the Telephony port was already started or stopped");
        }
        this.callbacks = callbacks;
        status = new StatusReporter(callbacks);
        executor = injectedScheduler != null ? injectedScheduler : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cusax-sip " + account.address());
            t.setDaemon(true);
            executorThread = t;
            return t;
        });
        status.connecting();
        executor.execute(() -> {
            executorThread = Thread.currentThread(); // a single-threaded scheduler: stop() must not wait on it
            open(1);
        });
        if (account.features().calling() && account.server().transport() == Transport.TLS) {
            prewarmSrtp();
        }
    }

    private void open(int tries) {
        if (stopped.get()) {
            return;
        }
        Transport transport = account.server().transport();
        if (account.security().requireTls() && !transport.encrypted()) {
            status.failed(FailureReason.of(Kind.CONFIGURATION, "TLS is required but the SIP server is configured for "
                    + transport.lowerName() + " (" + account.server() + ")"));
            return;
        }
        InetSocketAddress server;
        try {
            server = new InetSocketAddress(InetAddress.getByName(account.server().host()), account.server().port());
        } catch (UnknownHostException e) {
            Duration delay = backoff.delay(tries);
            status.reconnecting(FailureReason.of(Kind.UNREACHABLE, "cannot resolve the SIP server "
                    + account.server().host()), tries, delay);
            executor.schedule(() -> open(tries + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        SipEndpoint ep = null;
        try {
            Optional<TlsPolicy> tls = transport == Transport.TLS
                    ? Optional.of(listenerIdentity(TlsPolicy.create(account.security(), account.domain())))
                    : Optional.empty();
            Duration connectTimeout = settings.requestTimeout().compareTo(MAX_CONNECT_TIMEOUT) < 0
                    ? settings.requestTimeout() : MAX_CONNECT_TIMEOUT;
            EndpointConfig config = new EndpointConfig("cusax-sip-" + UUID.randomUUID(),
                    LocalAddresses.choose(settings.localAddress(), server), settings.localPort(), transport, server,
                    settings.maxMessageSize(), connectTimeout, connectTimeout, tls, new FlowMonitor());
            SipEventRouter router = new SipEventRouter();
            ep = SipEndpoint.open(config, router);
            var aor = RegisterRequests.parseAor(ep.addresses(), account.address());
            MethodCapabilities caps = new MethodCapabilities(features);
            capabilities = caps;
            Responder responder = new Responder(ep.provider(), ep.messages(), ep.headers(), caps, settings.userAgent());
            RegisterRequests requests = new RegisterRequests(ep.addresses(), ep.headers(), ep.messages(),
                    ep.listeningPoint(), transport, aor, settings.displayName(), settings.userAgent(), caps::allowed,
                    ep.provider().getNewCallId());
            DigestAuthenticator auth = new DigestAuthenticator(account.authUser(), account.password(),
                    new ChallengeSelector(settings.digestAlgorithms()), ep.headers());
            RegistrationClient client = new RegistrationClient(ep, requests, auth, settings.digestAlgorithms(), backoff,
                    executor, status, new FailureClassifier(aor.toString(), account.server().toString(),
                            account.security().minimumTlsVersion()),
                    settings.registerExpires(), settings.requestTimeout(), settings.keepaliveInterval());
            CallManager callManager = new CallManager(ep, aor, settings.userAgent(),
                    () -> callInfo ? linkedJid : Optional.empty(),
                    new DigestAuthenticator(account.authUser(), account.password(),
                            new ChallengeSelector(settings.digestAlgorithms()), ep.headers()),
                    callbacks, responder, new CallTimeouts(settings.ringTimeout(), settings.ackTimeout(),
                            settings.mediaTimeout()), executor);
            FlowMonitor flows = config.flows();
            callManager.readCallersWith(new CallerClaimsReader(new org.cusax.sip.call.ProxyTrust(
                    trustedProxy(server.getAddress()), transport == Transport.TLS, settings.trustProxyByAddress(),
                    account.domain(), remote -> flows.find(remote).flatMap(org.cusax.sip.net.Flow::tlsSession))));
            liveAudio.ifPresent(callManager::useLiveAudio);
            router.connect(RequestDispatcher.standard(responder, Optional.of(callManager.incoming())), client,
                    callManager);
            calls = callManager;
            endpoint = ep;
            registration = client;
            LOG.debug("SIP half for {} set up{}", account.address(),
                    linkedJid.map(j -> " (linked to " + j + ")").orElse(""));
            client.start();
        } catch (TlsSetupException | SipSetupException | UnknownHostException | RuntimeException e) {
            if (ep != null) {
                ep.close();
            }
            status.failed(FailureReason.of(Kind.CONFIGURATION, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** The policy, its TLS listener presenting sip.tls.listener-certificate/-key when they are set. */
    private TlsPolicy listenerIdentity(TlsPolicy policy) throws TlsSetupException {
        if (settings.listenerCertificate().isEmpty() || settings.listenerKey().isEmpty()) {
            return policy;
        }
        return policy.withListenerIdentity(ListenerIdentity.fromPem(
                settings.listenerCertificate().get(), settings.listenerKey().get()));
    }

    /**
     * The addresses of the proxy whose P-Asserted-Identity we believe: sip.trusted-proxy, or by default
     * the outbound proxy / registrar we use ({@code proxyAddress}).
     */
    private java.util.Set<InetAddress> trustedProxy(InetAddress proxyAddress) {
        String host = settings.trustedProxy();
        if (host.isEmpty() || host.equalsIgnoreCase(account.server().host())) {
            return java.util.Set.of(proxyAddress);
        }
        try {
            return java.util.Set.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            LOG.warn("sip.trusted-proxy {} cannot be resolved: no P-Asserted-Identity will be believed", host);
            return java.util.Set.of();
        }
    }

    @Override
    public String placeCall(CallRequest request) {
        if (!features.calling()) {
            throw new IllegalStateException("calls are switched off for " + account.address());
        }
        return requireCalls().placeCall(request);
    }

    @Override
    public void answer(String callId, AudioPlan audio) {
        requireCalls().answer(callId, audio);
    }

    @Override
    public void reject(String callId, int sipStatus) {
        requireCalls().reject(callId, sipStatus);
    }

    @Override
    public void hangUp(String callId) {
        requireCalls().hangUp(callId);
    }

    @Override
    public void hold(String callId) {
        requireCalls().hold(callId);
    }

    @Override
    public void resume(String callId) {
        requireCalls().resume(callId);
    }

    /**
     * SRTP is required on TLS: jitsi-srtp's one-off start-up (about two seconds) runs now, in the background,
     * instead of delaying the first call's media.
     */
    private static void prewarmSrtp() {
        Thread t = new Thread(org.cusax.media.srtp.SrtpTransform::prewarm, "cusax-srtp-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Override
    public void sendDtmf(String callId, String digits) {
        requireCalls().sendDtmf(callId, digits);
    }

    @Override
    public void mute(String callId, boolean muted) {
        requireCalls().mute(callId, muted);
    }

    @Override
    public void switchAudioDevices(String callId, java.util.Optional<String> input, java.util.Optional<String> output) {
        requireCalls().switchAudioDevices(callId, input, output);
    }

    /** Calls not yet ended (live state only), for tests and debugging. */
    public int liveCalls() {
        CallManager c = calls;
        return c == null ? 0 : c.liveCalls();
    }

    /** The call manager, once the SIP stack is up (for media statistics in tests and status pages). */
    public Optional<CallManager> calls() {
        return Optional.ofNullable(calls);
    }

    private CallManager requireCalls() {
        CallManager c = calls;
        if (c == null || stopped.get()) {
            throw new IllegalStateException("the SIP half is not running");
        }
        return c;
    }

    @Override
    public void stop() {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            stopped.set(true);
            return;
        }
        if (Thread.currentThread() == executorThread) {
            Thread t = new Thread(this::shutdown, "cusax-sip-stop");
            t.setDaemon(true);
            t.start();
            return;
        }
        shutdown();
    }

    private void shutdown() {
        CallManager c = calls;
        if (c != null) {
            c.endAll();
        }
        try {
            CompletableFuture.supplyAsync(() -> registration, executor)
                    .thenCompose(r -> r == null ? CompletableFuture.completedFuture(null) : r.unregister())
                    .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("the SIP server did not confirm the un-registration within {} s", STOP_TIMEOUT.toSeconds());
        } catch (ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("un-registration failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SipEndpoint ep = endpoint;
        if (ep != null) {
            ep.close();
        }
        status.offline();
    }
}
