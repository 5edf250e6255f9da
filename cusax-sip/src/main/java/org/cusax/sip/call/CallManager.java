package org.cusax.sip.call;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallDirection;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.sip.auth.DigestAuthenticator;
import org.cusax.sip.auth.DigestChallenge;
import org.cusax.sip.registration.ResponseHeaders;
import org.cusax.sip.stack.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our calls, as user agent client (RFC 3261 §13.2, §9.1, §15.1.1) — outgoing INVITE, digest answer,
 * ringing, ACK along the dialog's route set, CANCEL (also when the ring timeout passes), BYE — and, through
 * {@link IncomingCalls}, as user agent server; hold, resume and the peer's session changes through
 * {@link SessionUpdates}. Every call ends exactly once, through {@link #end}, which closes its media and
 * cancels its timers first.
 */
public final class CallManager {
    private static final Logger LOG = LoggerFactory.getLogger(CallManager.class);
    private static final int MAX_CHALLENGES = 2;

    final SipEndpoint endpoint;
    final InviteRequests requests;
    final TelephonyCallbacks callbacks;
    final InetAddress mediaAddress;
    final boolean sipOverTls;
    final DigestAuthenticator auth;
    private final Map<String, SipCall> byId = new ConcurrentHashMap<>();
    private final Map<String, SipCall> bySipCallId = new ConcurrentHashMap<>();
    private final IncomingCalls incoming;
    private final CallHangUps hangUps = new CallHangUps(this);
    /** Reads who an incoming call claims to be from; believes no P-Asserted-Identity until told whom to trust. */
    volatile CallerClaimsReader callerClaims = CallerClaimsReader.trustingNobody();
    final MediaOpener mediaOpener;
    final MediaProtectionCheck mediaCheck;
    final SessionUpdates updates;
    final CallTimeouts timeouts;
    private final CallTimers timers;

    /**
     * @param timeouts  ring timeout (RFC 3261 §13.3.1.1 / §9.1 as policy), how long we wait for the ACK to
     *                  our 200 OK (Timer H, RFC 3261 §13.3.1.4) and media inactivity (sip.call.media-timeout)
     * @param scheduler the SIP half's scheduler, on which every call timer runs (owned by the caller)
     */
    public CallManager(SipEndpoint endpoint, javax.sip.address.SipURI aor, String userAgent,
                       java.util.function.Supplier<java.util.Optional<String>> linkedJid, DigestAuthenticator auth,
                       TelephonyCallbacks callbacks,
                       org.cusax.sip.processor.Responder responder, CallTimeouts timeouts,
                       java.util.concurrent.ScheduledExecutorService scheduler) {
        this.timeouts = timeouts;
        this.timers = new CallTimers(this, scheduler, timeouts);
        this.updates = new SessionUpdates(this, responder);
        this.endpoint = endpoint;
        this.requests = new InviteRequests(endpoint, endpoint.config().transport(), aor, userAgent, linkedJid);
        this.auth = auth;
        this.callbacks = callbacks;
        this.mediaAddress = endpoint.config().localAddress();
        this.sipOverTls = endpoint.config().transport() == org.cusax.core.account.Transport.TLS;
        this.mediaCheck = new MediaProtectionCheck(callbacks, sipOverTls);
        this.mediaOpener = new MediaOpener(mediaAddress, mediaCheck.srtpRequired(), callbacks);
        this.incoming = new IncomingCalls(this, responder);
    }

    /** Reads callers' claims with {@code reader} from now on (it knows the trusted proxy, RFC 3325). */
    public void readCallersWith(CallerClaimsReader reader) {
        callerClaims = reader;
    }

    /** Plays and captures live calls on {@code audio}'s devices from now on. */
    public void useLiveAudio(org.cusax.media.device.LiveAudio audio) {
        mediaOpener.use(audio);
    }

    /** The handler of incoming INVITE, ACK, BYE and CANCEL requests. */
    public IncomingCalls incoming() {
        return incoming;
    }

    public synchronized String placeCall(CallRequest request) {
        CallMedia media = null;
        try {
            media = mediaOpener.open(request.callId());
            Request invite = requests.invite(request.target(), media.offer());
            String sipCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            SipCall call = new SipCall(request.callId(), CallDirection.OUTGOING, sipCallId, media, SipCall.Phase.CALLING);
            call.plan = request.audio();
            register(call);
            sendInvite(call, invite);
            call.ringTimer = schedule(() -> onRingTimeout(call), timeouts.ring().toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (IOException | SipException | RuntimeException e) {
            LOG.info("call to {} could not start: {}", request.target(), e.getMessage());
            SipCall call = byId.get(request.callId());
            if (call != null) {
                end(call, EndReason.of(EndReason.Kind.FAILED, "the call could not start: " + e.getMessage()));
            } else if (media != null) {
                media.close();
            }
            throw new IllegalStateException("the call could not start: " + e.getMessage(), e);
        }
        return request.callId();
    }

    private void sendInvite(SipCall call, Request invite) throws SipException {
        ClientTransaction tx = endpoint.provider().getNewClientTransaction(invite);
        if (call.dialog != null) {
            call.dialog.delete();
        }
        call.dialog = endpoint.provider().getNewDialog(tx);
        call.invite = invite;
        call.inviteTx = tx;
        call.provisional = false;
        tx.sendRequest();
    }

    /** A response to one of our requests other than REGISTER. */
    public synchronized void onResponse(ClientTransaction tx, Response response) {
        SipCall call = bySipCallId.get(((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (call != null && Request.INVITE.equals(cseq.getMethod())) {
            if (updates.onResponse(call, tx, response)) {
                return;
            }
            if (call.phase == SipCall.Phase.CONFIRMED && response.getStatusCode() / 100 == 2 && tx != call.inviteTx) {
                reacknowledge(call, response); // a retransmitted 200 OK to an earlier (re-)INVITE
                return;
            }
        }
        if (call == null || !Request.INVITE.equals(cseq.getMethod()) || call.direction != CallDirection.OUTGOING) {
            LOG.debug("{} {} for no outgoing call", response.getStatusCode(), cseq.getMethod());
            if (call == null && Request.INVITE.equals(cseq.getMethod()) && response.getStatusCode() / 100 == 2) {
                ackAndBye(tx, response); // answered after we gave up on it: end it properly
            }
            return;
        }
        int code = response.getStatusCode();
        if (code < 200) {
            onProvisional(call, code);
        } else if (code < 300) {
            onAnswered(call, tx, response);
        } else if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED)
                && call.phase != SipCall.Phase.ENDED && !call.cancelRequested) {
            retryWithCredentials(call, response);
        } else if (call.phase != SipCall.Phase.ENDED) {
            end(call, call.ringTimedOut ? noAnswer() : EndReason.fromStatus(code, response.getReasonPhrase()));
        }
    }

    private EndReason noAnswer() {
        return EndReason.of(EndReason.Kind.NO_ANSWER, "no answer within " + timeouts.ring().toSeconds()
                + " s (sip.call.ring-timeout): cancelled");
    }

    /** The outgoing call rang too long: CANCEL (RFC 3261 §9.1); the 487 then ends it as NO_ANSWER. */
    private void onRingTimeout(SipCall call) {
        synchronized (this) {
            if (call.direction != CallDirection.OUTGOING || !call.ringing() || call.cancelRequested) {
                return;
            }
            LOG.info("call {}: no answer within {}, cancelling", call.id, timeouts.ring());
            call.ringTimedOut = true;
            call.cancelRequested = true;
            if (call.provisional) {
                sendCancel(call);
            } // else the CANCEL goes out with the first provisional response (RFC 3261 §9.1)
        }
    }

    java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delay, java.util.concurrent.TimeUnit unit) {
        return timers.schedule(task, delay, unit);
    }

    java.util.concurrent.ScheduledFuture<?> scheduleRepeating(Runnable task, long period,
                                                              java.util.concurrent.TimeUnit unit) {
        return timers.scheduleRepeating(task, period, unit);
    }

    /** Our 200 OK waits for its ACK (Timer H); see {@link CallTimers#awaitAck}. */
    void awaitAck(SipCall call) {
        timers.awaitAck(call);
    }

    /** A call has just been confirmed (either direction): start its media watch. Caller holds the lock. */
    void confirmed(SipCall call) {
        timers.answered(call);
    }

    private void reacknowledge(SipCall call, Response response) {
        try {
            long seq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            call.dialog.sendAck(call.dialog.createAck(seq));
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not acknowledge a retransmitted 200 OK in call {}: {}", call.id, e.getMessage());
        }
    }

    private void onProvisional(SipCall call, int code) {
        if (code == Response.TRYING || call.phase == SipCall.Phase.ENDED) {
            return;
        }
        call.provisional = true;
        if (call.cancelRequested) {
            sendCancel(call);
            return;
        }
        if (call.phase == SipCall.Phase.CALLING) {
            call.phase = SipCall.Phase.EARLY;
            callbacks.onCallRinging(call.id);
        }
    }

    private void onAnswered(SipCall call, ClientTransaction tx, Response response) {
        Dialog dialog = tx != null && tx.getDialog() != null ? tx.getDialog() : call.dialog;
        try {
            long seq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(seq));
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            LOG.warn("could not acknowledge the answer to call {}: {}", call.id, e.getMessage());
        }
        if (call.phase == SipCall.Phase.CONFIRMED) {
            return; // a retransmitted 200 OK
        }
        call.dialog = dialog;
        if (call.phase == SipCall.Phase.ENDED || call.cancelRequested) {
            sendBye(call); // CANCEL crossed the 200 OK (RFC 3261 §9.1)
            return;
        }
        byte[] body = response.getRawContent();
        String answer = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.util.Optional<EndReason> refused = mediaCheck.judge(call.id, call.media.acceptAnswer(answer));
            if (refused.isPresent()) {
                sendBye(call);
                end(call, refused.get());
                return;
            }
            call.media.start(call.plan);
        } catch (Exception e) {
            LOG.info("call {}: unusable answer: {}", call.id, e.getMessage());
            sendBye(call);
            end(call, mediaCheck.lacksRequiredSrtp(call.id, answer)
                    .orElse(EndReason.of(EndReason.Kind.NO_MEDIA, "no common media: " + e.getMessage())));
            return;
        }
        call.phase = SipCall.Phase.CONFIRMED;
        if (call.ringTimer != null) {
            call.ringTimer.cancel(false);
        }
        confirmed(call);
        call.heldByPeer = call.media.peerHolds();
        callbacks.onCallAnswered(call.id);
        if (call.heldByPeer) {
            callbacks.onCallHeld(call.id, false);
        }
    }

    private void retryWithCredentials(SipCall call, Response response) {
        List<DigestChallenge> challenges = ResponseHeaders.challenges(response);
        if (++call.challenges > MAX_CHALLENGES) {
            end(call, EndReason.fromStatus(response.getStatusCode(), "credentials refused"));
            return;
        }
        Request next = requests.again(call.invite);
        if (auth.answer(next, challenges).isEmpty()) {
            end(call, EndReason.fromStatus(response.getStatusCode(), "no acceptable digest challenge"));
            return;
        }
        try {
            sendInvite(call, next);
        } catch (SipException e) {
            end(call, EndReason.of(EndReason.Kind.FAILED, "could not send the INVITE: " + e.getMessage()));
        }
    }

    /** A request of ours timed out (RFC 3261 Timer B/F). */
    public synchronized void onTimeout(ClientTransaction tx) {
        if (tx == null || !Request.INVITE.equals(tx.getRequest().getMethod())) {
            return;
        }
        SipCall call = bySipCallId.get(((CallIdHeader) tx.getRequest().getHeader(CallIdHeader.NAME)).getCallId());
        if (call != null && updates.onTimeout(call, tx)) {
            return;
        }
        if (call != null && call.inviteTx == tx && call.phase != SipCall.Phase.CONFIRMED) {
            end(call, call.ringTimedOut ? noAnswer()
                    : EndReason.fromStatus(Response.REQUEST_TIMEOUT, "no answer from the network"));
        }
    }

    public synchronized void answer(String callId, AudioPlan plan) {
        incoming.answer(require(callId), plan);
    }

    public synchronized void reject(String callId, int status) {
        incoming.reject(require(callId), status);
    }

    /** Hangs up: CANCEL or decline while ringing, BYE once answered (see {@link CallHangUps#hangUp}). */
    public synchronized void hangUp(String callId) {
        hangUps.hangUp(callId);
    }

    /** Holds an answered call (re-INVITE with a=sendonly, or inactive if the peer holds us; RFC 3264 §8.4). */
    public synchronized void hold(String callId) {
        updates.setHold(require(callId), true);
    }

    /** Ends our hold (re-INVITE with a=sendrecv). */
    public synchronized void resume(String callId) {
        updates.setHold(require(callId), false);
    }

    public synchronized void sendDtmf(String callId, String digits) {
        SipCall call = require(callId);
        if (call.phase != SipCall.Phase.CONFIRMED) {
            throw new IllegalStateException("call " + callId + " is not answered");
        }
        call.media.sendDtmf(digits);
    }

    /** Mutes (silence is sent) or unmutes what we send in a call. */
    public synchronized void mute(String callId, boolean muted) {
        require(callId).media.mute(muted);
    }

    /** Moves a running call's capture and/or playback to other sound devices (see {@link CallMedia#switchDevices}); the
     * sound system is asked outside this manager's lock, so SIP work never waits for it. */
    public void switchAudioDevices(String callId, java.util.Optional<String> input,
                                                java.util.Optional<String> output) {
        require(callId).media.switchDevices(input, output);
    }

    /** The RTP session of a call, for statistics (tests, status pages); empty once it is forgotten. */
    public java.util.Optional<CallMedia> media(String callId) {
        return java.util.Optional.ofNullable(byId.get(callId)).map(call -> call.media);
    }

    /** Ends every live call because we are stopping; returns how many (see {@link CallHangUps#endAll}). */
    public synchronized int endAll() {
        return hangUps.endAll();
    }

    /** Calls not yet ended (live state only: an ended call leaves at once). */
    public int liveCalls() {
        return byId.size();
    }

    void register(SipCall call) {
        byId.put(call.id, call);
        bySipCallId.put(call.sipCallId, call);
    }

    SipCall bySipCallId(String sipCallId) {
        return bySipCallId.get(sipCallId);
    }

    /** The live call {@code callId}, or {@code null} once it has ended. */
    SipCall byId(String callId) {
        return byId.get(callId);
    }

    List<SipCall> live() { // a copy: ending a call removes it
        return List.copyOf(byId.values());
    }

    /** Ends a call once: media stops before the core hears of it. Caller holds the lock. */
    void end(SipCall call, EndReason reason) {
        if (call.phase == SipCall.Phase.ENDED) {
            return;
        }
        call.phase = SipCall.Phase.ENDED;
        call.cancelTimers();
        call.media.close();
        bySipCallId.remove(call.sipCallId);
        byId.remove(call.id); // live state only: the core has the call's history
        LOG.debug("call {} ended: {}", call.id, reason.message());
        callbacks.onCallEnded(call.id, reason);
    }

    private SipCall require(String callId) {
        SipCall call = byId.get(callId);
        if (call == null) {
            throw new IllegalArgumentException("no such call: " + callId);
        }
        return call;
    }

    void sendCancel(SipCall call) {
        try {
            Request cancel = call.inviteTx.createCancel();
            endpoint.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException e) {
            LOG.info("could not cancel call {}: {}", call.id, e.getMessage());
            end(call, EndReason.of(EndReason.Kind.CANCELLED, "cancelled (the CANCEL could not be sent)"));
        }
    }

    void sendBye(SipCall call) {
        try {
            Request bye = call.dialog.createRequest(Request.BYE);
            call.dialog.sendRequest(endpoint.provider().getNewClientTransaction(bye));
        } catch (SipException | RuntimeException e) {
            LOG.info("could not send BYE for call {}: {}", call.id, e.getMessage());
        }
    }

    private void ackAndBye(ClientTransaction tx, Response response) {
        if (tx == null || tx.getDialog() == null) {
            return;
        }
        try {
            Dialog d = tx.getDialog();
            d.sendAck(d.createAck(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            d.sendRequest(endpoint.provider().getNewClientTransaction(d.createRequest(Request.BYE)));
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            LOG.debug("could not end a late-answered call: {}", e.getMessage());
        }
    }
}
