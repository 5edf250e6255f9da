package org.cusax.sip.registration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.sip.auth.DigestAuthenticator;
import org.cusax.sip.auth.DigestChallenge;
import org.cusax.sip.keepalive.Keepalive;
import org.cusax.sip.net.Flow;
import org.cusax.sip.stack.SipEndpoint;
import org.cusax.sip.tls.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration state machine. Every method runs on one single-threaded executor; stack events are
 * handed over to it by the public {@code on*} methods, so no state is shared between threads.
 */
public final class RegistrationClient {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationClient.class);
    private static final int MAX_CHALLENGE_ROUNDS = 4;
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(30);

    private enum Phase { IDLE, REGISTERING, REGISTERED, WAITING, FAILED, UNREGISTERING, STOPPED }

    private final SipEndpoint endpoint;
    private final RegisterRequests requests;
    private final DigestAuthenticator auth;
    private final List<String> acceptedAlgorithms;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;
    private final StatusReporter status;
    private final FailureClassifier classifier;
    private final Optional<TlsPolicy> tls;
    private final Keepalive keepalive;
    private final Duration requestTimeout;
    private Duration requestedExpires;

    private Phase phase = Phase.IDLE;
    private ClientTransaction pending;
    private Request lastRequest;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> requestTimer;
    private int attempt;
    private boolean answeredChallenge;
    private int challengeRounds;
    private String algorithm;
    private InetSocketAddress flowLocal;
    private SipURI registeredContact;
    private CompletableFuture<Void> unregistered;

    public RegistrationClient(SipEndpoint endpoint, RegisterRequests requests, DigestAuthenticator auth,
                              List<String> acceptedAlgorithms, Backoff backoff, ScheduledExecutorService executor,
                              StatusReporter status, FailureClassifier classifier, Duration requestedExpires,
                              Duration requestTimeout, Duration keepaliveInterval) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.auth = auth;
        this.acceptedAlgorithms = List.copyOf(acceptedAlgorithms);
        this.backoff = backoff;
        this.executor = executor;
        this.status = status;
        this.classifier = classifier;
        this.tls = endpoint.config().tls();
        this.requestedExpires = requestedExpires;
        this.requestTimeout = requestTimeout;
        this.keepalive = new Keepalive(executor, keepaliveInterval, endpoint::ping, this::keepaliveLost);
        endpoint.flows().onClosed((flow, why) -> post(() -> flowClosed(flow, why)));
    }

    /** Registers for the first time. */
    public void start() {
        post(this::attempt);
    }

    /**
     * Refreshes a registration in place now (same Call-ID and contact, the next CSeq), e.g. so that the registrar
     * learns a changed Allow header (RFC 3261 §10.2.4, §20.5); nothing happens while not registered.
     */
    public void refreshNow() {
        post(() -> {
            if (phase == Phase.REGISTERED) {
                cancel(timer);
                attempt();
            }
        });
    }

    /** Runs {@code task} on the registration thread, unless that is already shut down. */
    private void post(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.trace("registration thread stopped; event ignored");
        }
    }

    /** A final or provisional response to one of our requests (from the stack's thread). */
    public void onResponse(ClientTransaction tx, Response response) {
        post(() -> handleResponse(tx, response));
    }

    /** The stack gave up on a transaction (Timer F). */
    public void onTimeout(ClientTransaction tx) {
        post(() -> {
            if (tx != null && tx == pending) {
                transactionTimedOut();
            }
        });
    }

    /** The stack could not send to {@code host:port}. */
    public void onTransportError(String host, int port) {
        post(() -> {
            InetSocketAddress server = endpoint.config().server();
            if (server.getPort() == port && server.getAddress().getHostAddress().equals(host)
                    && (phase == Phase.REGISTERED || phase == Phase.REGISTERING)) {
                lost(classifier.connectionLost("sending failed"));
            }
        });
    }

    /**
     * Removes our binding (REGISTER with Expires: 0, answering a challenge if needed) and stops all
     * activity. The future completes when the registrar answered, or at once when nothing is bound.
     */
    public CompletableFuture<Void> unregister() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            unregistered = done;
            boolean bound = registeredContact != null && (phase == Phase.REGISTERED || phase == Phase.REGISTERING
                    || phase == Phase.WAITING);
            cancelTimers();
            keepalive.stop();
            pending = null;
            phase = Phase.UNREGISTERING;
            if (!bound) {
                finishUnregister();
                return;
            }
            answeredChallenge = false;
            challengeRounds = 0;
            Request r = requests.register(registeredContact, Duration.ZERO, Optional.empty());
            auth.answerPreemptively(r);
            send(r);
        });
        return done;
    }

    private void attempt() {
        if (phase == Phase.UNREGISTERING || phase == Phase.STOPPED || phase == Phase.FAILED) {
            return;
        }
        phase = Phase.REGISTERING;
        answeredChallenge = false;
        challengeRounds = 0;
        tls.ifPresent(TlsPolicy::clearProblem);
        InetSocketAddress local;
        try {
            local = endpoint.connectToServer();
        } catch (IOException | RuntimeException e) {
            failed(classifier.fromException(e, certificateProblem()), Optional.empty());
            return;
        }
        flowLocal = local;
        SipURI contact = requests.contactUri(local);
        Optional<SipURI> stale = registeredContact != null && !registeredContact.equals(contact)
                ? Optional.of(registeredContact) : Optional.empty();
        Request r = requests.register(contact, requestedExpires, stale);
        auth.answerPreemptively(r);
        send(r);
    }

    private void send(Request request) {
        lastRequest = request;
        try {
            ClientTransaction tx = endpoint.provider().getNewClientTransaction(request);
            pending = tx;
            tx.sendRequest();
            cancel(requestTimer);
            requestTimer = executor.schedule(() -> {
                if (pending == tx) {
                    transactionTimedOut();
                }
            }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (SipException | RuntimeException e) {
            pending = null;
            failed(classifier.fromException(e, certificateProblem()), Optional.empty());
        }
    }

    private void handleResponse(ClientTransaction tx, Response response) {
        int code = response.getStatusCode();
        if (tx == null || tx != pending || code < 200) {
            return;
        }
        pending = null;
        cancel(requestTimer);
        if (code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) {
            challenged(response);
        } else if (phase == Phase.UNREGISTERING) {
            LOG.debug("un-REGISTER answered {}", code);
            finishUnregister();
        } else if (code < 300) {
            registered(response);
        } else if (code == Response.INTERVAL_TOO_BRIEF && intervalTooBrief(response)) {
            send(requests.again(lastRequest));
        } else {
            failed(classifier.fromResponse(code, response.getReasonPhrase()), ResponseHeaders.retryAfter(response));
        }
    }

    private void challenged(Response response) {
        List<DigestChallenge> challenges = ResponseHeaders.challenges(response);
        boolean stale = challenges.stream().anyMatch(DigestChallenge::stale);
        if (answeredChallenge && !stale) {
            auth.forget();
            if (phase == Phase.UNREGISTERING) {
                finishUnregister();
            } else {
                failed(classifier.fromResponse(response.getStatusCode(), response.getReasonPhrase()), Optional.empty());
            }
            return;
        }
        if (++challengeRounds > MAX_CHALLENGE_ROUNDS) {
            failed(FailureReason.of(Kind.PROTOCOL, "the SIP server keeps challenging with stale nonces"), Optional.empty());
            return;
        }
        Request next = requests.again(lastRequest);
        Optional<String> used = auth.answer(next, challenges);
        if (used.isEmpty()) {
            failed(classifier.noAcceptableChallenge(challenges, acceptedAlgorithms), Optional.empty());
            return;
        }
        algorithm = used.get();
        answeredChallenge = true;
        send(next);
    }

    private void registered(Response response) {
        SipURI contact = requests.contactUri(flowLocal);
        Duration granted = GrantedExpiry.of(response, contact, requestedExpires);
        if (granted.isZero()) {
            failed(FailureReason.of(Kind.PROTOCOL, "the SIP server accepted the registration but kept no binding"),
                    Optional.empty());
            return;
        }
        registeredContact = contact;
        phase = Phase.REGISTERED;
        attempt = 0;
        status.online(security());
        Duration refresh = RefreshPolicy.refreshAfter(granted);
        LOG.debug("registered {} for {} s, refreshing in {} ms", contact, granted.toSeconds(), refresh.toMillis());
        cancel(timer);
        timer = executor.schedule(this::attempt, refresh.toMillis(), TimeUnit.MILLISECONDS);
        currentFlow().ifPresent(keepalive::watch);
    }

    /** RFC 3261 §10.2.8: ask again for at least Min-Expires. */
    private boolean intervalTooBrief(Response response) {
        Optional<Duration> min = ResponseHeaders.minExpires(response);
        if (min.isEmpty() || min.get().compareTo(requestedExpires) <= 0) {
            return false;
        }
        requestedExpires = min.get();
        try {
            ((ExpiresHeader) lastRequest.getHeader(ExpiresHeader.NAME)).setExpires((int) min.get().toSeconds());
        } catch (InvalidArgumentException e) {
            return false;
        }
        return true;
    }

    private void transactionTimedOut() {
        pending = null;
        if (phase == Phase.UNREGISTERING) {
            finishUnregister();
            return;
        }
        failed(classifier.timeout(requestTimeout), Optional.empty());
    }

    private void keepaliveLost(String why) {
        if (phase == Phase.REGISTERED) {
            lost(classifier.connectionLost(why));
        }
    }

    private void flowClosed(Flow flow, String why) {
        if (flowLocal != null && flow.local().equals(flowLocal)
                && (phase == Phase.REGISTERED || phase == Phase.REGISTERING)) {
            flowLocal = null;
            lost(classifier.connectionLost(why));
        }
    }

    private void lost(FailureReason reason) {
        pending = null;
        failed(reason, Optional.empty());
    }

    private void failed(FailureReason reason, Optional<Duration> retryAfter) {
        cancelTimers();
        keepalive.stop();
        if (phase == Phase.UNREGISTERING) {
            finishUnregister();
            return;
        }
        if (reason.kind().permanent()) {
            phase = Phase.FAILED;
            dropFlow();
            status.failed(reason);
            return;
        }
        if (reason.kind() == Kind.TIMEOUT || reason.kind() == Kind.CONNECTION_LOST || reason.kind() == Kind.PROTOCOL) {
            dropFlow();
        }
        phase = Phase.WAITING;
        attempt++;
        Duration delay = backoff.delay(attempt);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
        }
        status.reconnecting(reason, attempt, delay);
        timer = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finishUnregister() {
        cancelTimers();
        phase = Phase.STOPPED;
        registeredContact = null;
        if (unregistered != null) {
            unregistered.complete(null);
        }
    }

    /** Closes our connection so the next attempt starts on a fresh one. */
    private void dropFlow() {
        Optional<Flow> flow = currentFlow();
        flowLocal = null;
        flow.ifPresent(Flow::close);
    }

    private Optional<Flow> currentFlow() {
        if (flowLocal == null || !endpoint.config().transport().connectionOriented()) {
            return Optional.empty();
        }
        return endpoint.flows().byLocal(flowLocal);
    }

    private ChannelSecurity security() {
        String label = algorithm == null ? null : "digest " + algorithm;
        if (tls.isEmpty()) {
            return ChannelSecurity.plain(label);
        }
        return currentFlow().flatMap(Flow::tlsSession)
                .map(s -> ChannelSecurity.tls(s.getProtocol(), s.getCipherSuite(), tls.get().domain(), label))
                .orElse(ChannelSecurity.tls(null, null, tls.get().domain(), label));
    }

    private Optional<String> certificateProblem() {
        return tls.flatMap(TlsPolicy::certificateProblem);
    }

    private void cancelTimers() {
        cancel(timer);
        cancel(requestTimer);
        timer = null;
        requestTimer = null;
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
