package org.cusax.sip.call;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.core.call.CallDirection;
import org.cusax.core.call.EndReason;
import org.cusax.media.sdp.Direction;
import org.cusax.sip.processor.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to an established session (RFC 3261 §14, RFC 3264 §8, RFC 3311): our hold and resume as
 * re-INVITE (RFC 3264 §8.4, RFC 6337 §5: sendonly, or inactive when the peer already holds us; sendrecv to
 * resume), the peer's re-INVITE and UPDATE answered with the mirrored direction (media follows at once),
 * a re-INVITE or UPDATE without an offer (our current SDP goes in the 200; for a re-INVITE the answer comes
 * in the ACK), an unchanged offer (same o= version: a session refresh) answered with our SDP as it is, and
 * glare: an INVITE crossing ours gets 491, and after our own 491 we try again after RFC 3261 §14.1's random
 * delay. Methods run under the {@link CallManager}'s lock.
 */
final class SessionUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(SessionUpdates.class);
    private static final int MAX_CHALLENGES = 2;

    private final CallManager calls;
    private final Responder responder;
    private final SecureRandom random = new SecureRandom();

    SessionUpdates(CallManager calls, Responder responder) {
        this.calls = calls;
        this.responder = responder;
    }

    /** The user wants the call held (or no longer held); a re-INVITE goes out unless one is under way. */
    void setHold(SipCall call, boolean hold) {
        if (call.phase != SipCall.Phase.CONFIRMED) {
            throw new IllegalStateException("call " + call.id + " is not answered: it cannot be "
                    + (hold ? "held" : "resumed"));
        }
        call.holdWanted = hold;
        if (call.reinviteTx != null || call.reinviteRetry != null) {
            return; // the exchange under way (or its retry) looks at holdWanted again when it completes
        }
        if (call.holdWanted != call.heldByUs) {
            sendReinvite(call);
        }
    }

    /** Our direction for a new offer: RFC 6337 §5.3 inactive when both hold. */
    private static Direction offered(SipCall call, boolean hold) {
        if (!hold) {
            return Direction.SENDRECV;
        }
        return call.media.peerHolds() ? Direction.INACTIVE : Direction.SENDONLY;
    }

    private static Direction intent(boolean hold) {
        return hold ? Direction.SENDONLY : Direction.SENDRECV;
    }

    private void sendReinvite(SipCall call) {
        call.reinviteRetry = null;
        if (call.phase != SipCall.Phase.CONFIRMED) {
            return;
        }
        if (call.reinviteServerTx != null) {
            retryLater(call, "the peer's re-INVITE is not acknowledged yet");
            return;
        }
        boolean hold = call.holdWanted;
        try {
            String sdp = call.media.reoffer(offered(call, hold), intent(hold));
            Request reinvite = call.dialog.createRequest(Request.INVITE);
            reinvite.setHeader(calls.requests.contact()); // replaces the stack's listening-point Contact
            calls.requests.setSdp(reinvite, sdp);
            ClientTransaction tx = calls.endpoint.provider().getNewClientTransaction(reinvite);
            call.reinviteTx = tx;
            call.reinviteHolds = hold;
            call.reinviteChallenges = 0;
            call.dialog.sendRequest(tx);
            LOG.debug("call {}: re-INVITE to {}", call.id, hold ? "hold" : "resume");
        } catch (SipException | java.io.IOException | java.text.ParseException | RuntimeException e) {
            call.reinviteTx = null;
            call.media.keepDirection(intent(call.heldByUs));
            if (e instanceof SipException) {
                retryLater(call, e.getMessage()); // e.g. the dialog still has a transaction under way
            } else {
                call.holdWanted = call.heldByUs;
                LOG.info("call {}: could not send the re-INVITE: {}", call.id, e.getMessage());
            }
        }
    }

    /** RFC 3261 §14.1: 2.1–4 s if we own the Call-ID (we placed the call), 0–2 s otherwise, in 10 ms steps. */
    private void retryLater(SipCall call, String why) {
        long millis = call.direction == CallDirection.OUTGOING ? 2100 + 10L * random.nextInt(191)
                : 10L * random.nextInt(201);
        LOG.debug("call {}: re-INVITE again in {} ms ({})", call.id, millis, why);
        call.reinviteRetry = calls.schedule(() -> {
            synchronized (calls) {
                if (call.reinviteRetry != null) {
                    sendReinvite(call);
                }
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    /** A response to our re-INVITE; true if {@code tx} was one. */
    boolean onResponse(SipCall call, ClientTransaction tx, Response response) {
        if (tx == null || call.reinviteTx != tx) {
            return false;
        }
        int code = response.getStatusCode();
        if (code < 200) {
            return true;
        }
        call.reinviteTx = null;
        if (code < 300) {
            acknowledge(call, response);
            boolean wasUs = call.heldByUs;
            boolean wasPeer = call.heldByPeer;
            try {
                byte[] body = response.getRawContent();
                call.media.acceptAnswer(body == null ? "" : new String(body, StandardCharsets.UTF_8));
            } catch (Exception e) {
                LOG.info("call {}: unusable answer to our re-INVITE: {}", call.id, e.getMessage());
                calls.sendBye(call);
                calls.end(call, EndReason.of(EndReason.Kind.NO_MEDIA, "the answer to our "
                        + (call.reinviteHolds ? "hold" : "resume") + " was unusable: " + e.getMessage()));
                return true;
            }
            call.heldByUs = call.reinviteHolds;
            call.heldByPeer = call.media.peerHolds();
            report(call, wasUs, wasPeer);
        } else if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED)
                && ++call.reinviteChallenges <= MAX_CHALLENGES && resendWithCredentials(call, tx, response)) {
            return true;
        } else if (code == Response.REQUEST_PENDING) {
            call.media.keepDirection(intent(call.heldByUs));
            retryLater(call, "491 Request Pending (glare)");
            return true;
        } else if (code == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || code == Response.REQUEST_TIMEOUT) {
            calls.sendBye(call);
            calls.end(call, EndReason.fromStatus(code, "the peer lost the call (" + code + " to our re-INVITE)"));
            return true;
        } else {
            // RFC 3261 §14.1: any other failure leaves the session as it was
            LOG.info("call {}: {} {} to our re-INVITE; the session stays as it was", call.id, code,
                    response.getReasonPhrase());
            call.media.keepDirection(intent(call.heldByUs));
            call.holdWanted = call.heldByUs;
        }
        if (call.phase == SipCall.Phase.CONFIRMED && call.holdWanted != call.heldByUs) {
            sendReinvite(call); // the user changed their mind while the re-INVITE was under way
        }
        return true;
    }

    /** A proxy or the peer challenged our re-INVITE (RFC 3261 §22.2): the same offer again with credentials. */
    private boolean resendWithCredentials(SipCall call, ClientTransaction tx, Response response) {
        try {
            Request next = call.dialog.createRequest(Request.INVITE);
            next.setHeader(calls.requests.contact());
            byte[] body = tx.getRequest().getRawContent();
            calls.requests.setSdp(next, new String(body, StandardCharsets.UTF_8));
            if (calls.auth.answer(next, org.cusax.sip.registration.ResponseHeaders.challenges(response)).isEmpty()) {
                return false;
            }
            ClientTransaction again = calls.endpoint.provider().getNewClientTransaction(next);
            call.reinviteTx = again;
            call.dialog.sendRequest(again);
            return true;
        } catch (SipException | java.io.IOException | java.text.ParseException | RuntimeException e) {
            LOG.info("call {}: could not answer the challenge to our re-INVITE: {}", call.id, e.getMessage());
            call.reinviteTx = null;
            return false;
        }
    }

    /** Our re-INVITE got no final response (Timer B): RFC 3261 §14.1 ends the dialog. */
    boolean onTimeout(SipCall call, ClientTransaction tx) {
        if (call.reinviteTx != tx) {
            return false;
        }
        call.reinviteTx = null;
        calls.sendBye(call);
        calls.end(call, EndReason.fromStatus(Response.REQUEST_TIMEOUT, "no answer to our re-INVITE"));
        return true;
    }

    private void acknowledge(SipCall call, Response response) {
        try {
            long seq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            call.dialog.sendAck(call.dialog.createAck(seq));
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            LOG.warn("could not acknowledge the answer to our re-INVITE in call {}: {}", call.id, e.getMessage());
        }
    }

    /** An INVITE inside an existing dialog (RFC 3261 §14.2). */
    void onReinvite(RequestEvent event, SipCall call) {
        Request invite = event.getRequest();
        if (call.phase != SipCall.Phase.CONFIRMED || call.reinviteServerTx != null) {
            Response busy = responder.create(invite, Response.SERVER_INTERNAL_ERROR);
            try {
                busy.setHeader(calls.endpoint.headers().createRetryAfterHeader(1 + random.nextInt(10)));
            } catch (javax.sip.InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
            responder.send(event, busy); // §14.2: an earlier INVITE is still pending
            return;
        }
        if (call.reinviteTx != null) {
            responder.respond(event, Response.REQUEST_PENDING); // §14.2 glare: our own re-INVITE is under way
            return;
        }
        byte[] body = invite.getRawContent();
        boolean offerless = body == null || body.length == 0;
        boolean wasUs = call.heldByUs;
        boolean wasPeer = call.heldByPeer;
        String sdp;
        try {
            sdp = offerless ? call.media.reoffer(offered(call, call.heldByUs), intent(call.heldByUs))
                    : call.media.answer(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.info("call {}: re-INVITE offer refused, the session stays as it was: {}", call.id, e.getMessage());
            responder.respond(event, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        try {
            ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : calls.endpoint.provider().getNewServerTransaction(invite);
            Response ok = responder.create(invite, Response.OK);
            calls.requests.completeAnswer(ok, sdp);
            st.sendResponse(ok);
            call.reinviteServerTx = st;
            call.offerInOk = offerless;
            calls.awaitAck(call);
        } catch (Exception e) {
            LOG.warn("call {}: could not answer the re-INVITE: {}", call.id, e.getMessage());
            responder.respond(event, Response.SERVER_INTERNAL_ERROR);
            return;
        }
        if (!offerless) {
            call.heldByPeer = call.media.peerHolds();
            report(call, wasUs, wasPeer);
        }
    }

    /** The ACK to our 200 for a re-INVITE; with an offer in that 200 it carries the answer. */
    void onReinviteAck(SipCall call, Request ack) {
        call.reinviteServerTx = null;
        if (!call.offerInOk) {
            return;
        }
        call.offerInOk = false;
        boolean wasPeer = call.heldByPeer;
        try {
            byte[] body = ack.getRawContent();
            if (body == null || body.length == 0) {
                throw new IllegalArgumentException("the ACK has no SDP");
            }
            call.media.acceptAnswer(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            calls.sendBye(call);
            calls.end(call, EndReason.of(EndReason.Kind.NO_MEDIA, "no usable answer in the ACK to our offer "
                    + "(RFC 3264 §5): " + e.getMessage()));
            return;
        }
        call.heldByPeer = call.media.peerHolds();
        report(call, call.heldByUs, wasPeer);
    }

    /** UPDATE (RFC 3311 §5.2): without a body a refresh (200); with an offer, answered like a re-INVITE. */
    void onUpdate(RequestEvent event, SipCall call) {
        Request update = event.getRequest();
        byte[] body = update.getRawContent();
        Response ok = responder.create(update, Response.OK);
        try {
            ok.addHeader(calls.requests.contact());
            if (body != null && body.length > 0) {
                if (call.phase != SipCall.Phase.CONFIRMED || call.reinviteTx != null) {
                    responder.respond(event, Response.REQUEST_PENDING); // RFC 3311 §5.2: an offer is pending
                    return;
                }
                boolean wasPeer = call.heldByPeer;
                String sdp;
                try {
                    sdp = call.media.answer(new String(body, StandardCharsets.UTF_8));
                } catch (Exception e) {
                    LOG.info("call {}: UPDATE offer refused: {}", call.id, e.getMessage());
                    responder.respond(event, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                calls.requests.setSdp(ok, sdp);
                responder.send(event, ok);
                call.heldByPeer = call.media.peerHolds();
                report(call, call.heldByUs, wasPeer);
                return;
            }
        } catch (java.io.IOException | java.text.ParseException e) {
            responder.respond(event, Response.SERVER_INTERNAL_ERROR);
            return;
        }
        responder.send(event, ok);
    }

    /** Tells the core what changed in who holds whom. */
    private void report(SipCall call, boolean wasUs, boolean wasPeer) {
        if (call.phase == SipCall.Phase.ENDED) {
            return;
        }
        if (wasUs != call.heldByUs) {
            if (call.heldByUs) {
                calls.callbacks.onCallHeld(call.id, true);
            } else {
                calls.callbacks.onCallResumed(call.id, true);
            }
        }
        if (wasPeer != call.heldByPeer) {
            if (call.heldByPeer) {
                calls.callbacks.onCallHeld(call.id, false);
            } else {
                calls.callbacks.onCallResumed(call.id, false);
            }
        }
    }
}
