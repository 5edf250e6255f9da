package org.cusax.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallDirection;
import org.cusax.core.call.EndReason;
import org.cusax.sip.processor.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our side as user agent server (RFC 3261 §13.3): an INVITE is rung (180) and reported; answer sends
 * 200 OK with our SDP answer (or, for an INVITE without SDP, our offer, whose answer must come in the ACK:
 * RFC 3264 §5), the ACK confirms; reject, CANCEL (→ 487, §9.2) and BYE (→ 200, §15.1.2) end the call. A
 * call nobody acts on within the ring timeout is refused with 480; a 200 OK without ACK in time is ended
 * with BYE (§13.3.1.4). INVITEs and UPDATEs inside a call go to {@link SessionUpdates}. Methods run under
 * the {@link CallManager}'s lock.
 */
public final class IncomingCalls {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingCalls.class);

    private final CallManager calls;
    private final Responder responder;

    IncomingCalls(CallManager calls, Responder responder) {
        this.calls = calls;
        this.responder = responder;
    }

    public void onInvite(RequestEvent event) {
        synchronized (calls) {
            Request invite = event.getRequest();
            String sipCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            SipCall existing = calls.bySipCallId(sipCallId);
            if (existing != null) {
                if (((ToHeader) invite.getHeader(ToHeader.NAME)).getTag() != null) {
                    calls.updates.onReinvite(event, existing);
                } else {
                    responder.respond(event, Response.LOOP_DETECTED); // RFC 3261 §8.2.2.2 merged request
                }
                return;
            }
            byte[] body = invite.getRawContent(); // none: the offer goes in our 200 OK (RFC 3261 §13.2.1)
            String toTag = calls.requests.tag();
            ServerTransaction st = null;
            CallMedia media = null;
            try {
                st = event.getServerTransaction() != null ? event.getServerTransaction()
                        : calls.endpoint.provider().getNewServerTransaction(invite);
                Dialog dialog = calls.endpoint.provider().getNewDialog(st);
                // ring first (RFC 3261 §13.3.1.1), then open the RTP ports: their sockets and receive threads were
                // a quarter of the time from the INVITE to our 180 (instrumented, 220 calls through Kamailio)
                Response ringing = tagged(responder.create(invite, Response.RINGING), toTag);
                ringing.addHeader(calls.requests.contact());
                st.sendResponse(ringing);
                String id = UUID.randomUUID().toString();
                media = calls.mediaOpener.open(id);
                SipCall call = new SipCall(id, CallDirection.INCOMING, sipCallId, media, SipCall.Phase.EARLY);
                call.inviteServerTx = st;
                call.offer = body == null || body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
                call.toTag = toTag;
                call.dialog = dialog;
                calls.register(call);
                call.ringTimer = calls.schedule(() -> onRingTimeout(call), calls.timeouts.ring().toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                calls.callbacks.onIncomingCall(id, calls.callerClaims.read(invite));
            } catch (Exception e) {
                LOG.warn("could not take an incoming call: {}", e.getMessage());
                if (media != null) {
                    media.close();
                }
                failToTake(event, st, toTag);
            }
        }
    }

    /**
     * 500 for an INVITE we could not take. On its server transaction once that exists (a second one for the same
     * request would be refused as a retransmission, and nothing sent), with the To tag of our 180 (RFC 3261
     * §8.2.6.2: one tag for every response to the request).
     */
    private void failToTake(RequestEvent event, ServerTransaction st, String toTag) {
        if (st == null) {
            responder.respond(event, Response.SERVER_INTERNAL_ERROR);
            return;
        }
        try {
            st.sendResponse(tagged(responder.create(st.getRequest(), Response.SERVER_INTERNAL_ERROR), toTag));
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.info("could not refuse an incoming call with 500: {}", e.getMessage());
        }
    }

    void answer(SipCall call, AudioPlan plan) {
        requireRinging(call, "answer");
        // an offer without the SRTP the security guard requires (RFC 7081 §7): the call rang like any other (the
        // user sees who calls and may reject it), answering it is refused with 488 and the guard's reason
        java.util.Optional<EndReason> insecure = call.offer == null ? java.util.Optional.empty()
                : calls.mediaCheck.lacksRequiredSrtp(call.id, call.offer);
        if (insecure.isPresent()) {
            refuse(call, insecure.get());
            return;
        }
        String sdp;
        try {
            sdp = call.offer == null ? call.media.offer() : call.media.answer(call.offer);
        } catch (Exception e) {
            sendFinal(call, Response.NOT_ACCEPTABLE_HERE);
            calls.end(call, EndReason.of(EndReason.Kind.NO_MEDIA, "no common media: " + e.getMessage()));
            return;
        }
        java.util.Optional<EndReason> refused = call.media.negotiated()
                .flatMap(agreed -> calls.mediaCheck.judge(call.id, agreed));
        if (refused.isPresent()) {
            refuse(call, refused.get());
            return;
        }
        try {
            Response ok = response(call, Response.OK);
            calls.requests.completeAnswer(ok, sdp);
            call.plan = plan;
            if (call.offer != null) {
                call.media.start(plan);
            } else {
                call.offerInOk = true; // media starts with the answer in the ACK (RFC 3264 §5)
            }
            call.inviteServerTx.sendResponse(ok);
            call.phase = SipCall.Phase.ANSWERING;
            if (call.ringTimer != null) {
                call.ringTimer.cancel(false);
            }
            calls.awaitAck(call);
        } catch (Exception e) {
            LOG.warn("could not answer call {}: {}", call.id, e.getMessage());
            sendFinal(call, Response.SERVER_INTERNAL_ERROR);
            calls.end(call, EndReason.of(EndReason.Kind.FAILED, "could not answer: " + e.getMessage()));
        }
    }

    void reject(SipCall call, int status) {
        requireRinging(call, "reject");
        sendFinal(call, status);
        calls.end(call, new EndReason(EndReason.Kind.REJECTED_LOCALLY, java.util.OptionalInt.of(status),
                "rejected with " + status));
    }

    public void onAck(RequestEvent event) {
        synchronized (calls) {
            SipCall call = calls.bySipCallId(callId(event.getRequest()));
            if (call == null || call.phase == SipCall.Phase.ENDED) {
                return;
            }
            if (call.phase == SipCall.Phase.CONFIRMED) {
                calls.updates.onReinviteAck(call, event.getRequest());
                return;
            }
            if (call.phase != SipCall.Phase.ANSWERING) {
                return;
            }
            if (call.offerInOk && !takeAnswerFromAck(call, event.getRequest())) {
                return;
            }
            call.phase = SipCall.Phase.CONFIRMED;
            call.heldByPeer = call.media.peerHolds();
            calls.confirmed(call);
            calls.callbacks.onCallAnswered(call.id);
            if (call.heldByPeer) {
                calls.callbacks.onCallHeld(call.id, false);
            }
        }
    }

    /** Offerless INVITE: the ACK carries the answer to the offer in our 200 OK; a bad one ends the call. */
    private boolean takeAnswerFromAck(SipCall call, Request ack) {
        call.offerInOk = false;
        try {
            byte[] body = ack.getRawContent();
            if (body == null || body.length == 0) {
                throw new IllegalArgumentException("the ACK carries no SDP");
            }
            java.util.Optional<EndReason> refused = calls.mediaCheck.judge(call.id,
                    call.media.acceptAnswer(new String(body, StandardCharsets.UTF_8)));
            if (refused.isPresent()) {
                calls.sendBye(call);
                calls.end(call, refused.get());
                return false;
            }
            call.media.start(call.plan);
            return true;
        } catch (Exception e) {
            LOG.info("call {}: no usable answer in the ACK: {}", call.id, e.getMessage());
            calls.sendBye(call);
            byte[] body = ack.getRawContent();
            calls.end(call, calls.mediaCheck.lacksRequiredSrtp(call.id, body == null ? "" : new String(body,
                    StandardCharsets.UTF_8)).orElse(EndReason.of(EndReason.Kind.NO_MEDIA, "the caller sent no usable "
                    + "SDP answer in its ACK to our offer (RFC 3264 §5): " + e.getMessage())));
            return false;
        }
    }

    /** Nobody acted on the incoming call in time: 480 Temporarily Unavailable (RFC 3261 §21.4.18). */
    private void onRingTimeout(SipCall call) {
        synchronized (calls) {
            if (call.direction != CallDirection.INCOMING || !call.ringing()) {
                return;
            }
            sendFinal(call, Response.TEMPORARILY_UNAVAILABLE);
            calls.end(call, new EndReason(EndReason.Kind.NO_ANSWER,
                    java.util.OptionalInt.of(Response.TEMPORARILY_UNAVAILABLE), "not answered within "
                    + calls.timeouts.ring().toSeconds() + " s (sip.call.ring-timeout): refused with 480"));
        }
    }

    /** UPDATE (RFC 3311) inside a call; outside one 481. */
    public void onUpdate(RequestEvent event) {
        synchronized (calls) {
            SipCall call = calls.bySipCallId(callId(event.getRequest()));
            if (call == null) {
                responder.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            calls.updates.onUpdate(event, call);
        }
    }

    public void onCancel(RequestEvent event) {
        synchronized (calls) {
            SipCall call = calls.bySipCallId(callId(event.getRequest()));
            boolean pending = call != null && call.direction == CallDirection.INCOMING && call.ringing();
            responder.respond(event, pending || event.getServerTransaction() != null
                    ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            if (pending) {
                sendFinal(call, Response.REQUEST_TERMINATED);
                calls.end(call, EndReason.of(EndReason.Kind.CANCELLED, "the caller hung up before the answer"));
            }
        }
    }

    public void onBye(RequestEvent event) {
        synchronized (calls) {
            SipCall call = calls.bySipCallId(callId(event.getRequest()));
            if (call == null) {
                responder.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            responder.respond(event, Response.OK);
            calls.end(call, EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "the other side hung up"));
        }
    }

    private void requireRinging(SipCall call, String what) {
        if (call.direction != CallDirection.INCOMING || !call.ringing()) {
            throw new IllegalStateException("cannot " + what + " call " + call.id + " now");
        }
    }

    private void refuse(SipCall call, EndReason reason) {
        try {
            Response r = response(call, Response.NOT_ACCEPTABLE_HERE);
            responder.warn(r, reason.message());
            call.inviteServerTx.sendResponse(r);
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.info("could not refuse call {}: {}", call.id, e.getMessage());
        }
        calls.end(call, reason);
    }

    private void sendFinal(SipCall call, int status) {
        try {
            call.inviteServerTx.sendResponse(response(call, status));
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.info("could not send {} for call {}: {}", status, call.id, e.getMessage());
        }
    }

    private Response response(SipCall call, int status) {
        return tagged(responder.create(call.inviteServerTx.getRequest(), status), call.toTag);
    }

    private static Response tagged(Response r, String toTag) {
        try {
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(toTag);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
