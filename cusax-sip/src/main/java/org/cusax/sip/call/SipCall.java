package org.cusax.sip.call;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallDirection;

/** One call's SIP and media state; guarded by the {@link CallManager}'s lock. */
final class SipCall {
    enum Phase { CALLING, EARLY, ANSWERING, CONFIRMED, ENDED }

    final String id;
    final CallDirection direction;
    final String sipCallId;
    final CallMedia media;
    Phase phase;
    AudioPlan plan;
    Dialog dialog;
    /** Outgoing: the INVITE last sent and its transaction. */
    Request invite;
    ClientTransaction inviteTx;
    int challenges;
    boolean provisional;
    boolean cancelRequested;
    /** Incoming: the INVITE, its transaction and the To tag of our responses. */
    ServerTransaction inviteServerTx;
    String toTag;
    /** Incoming: the INVITE's offer, or null for an offerless INVITE (our offer goes in the 200, RFC 3264 §5). */
    String offer;
    /** Our 200 OK (to an INVITE or re-INVITE) carried an offer: the answer comes in the ACK. */
    boolean offerInOk;
    /** Our 200 OK still waits for its ACK (RFC 3261 §13.3.1.4, Timer H). */
    java.util.concurrent.ScheduledFuture<?> ackTimer;
    /** Ring timeout: an unanswered outgoing call is cancelled, an incoming one refused with 480. */
    java.util.concurrent.ScheduledFuture<?> ringTimer;
    boolean ringTimedOut;
    /** Hold (RFC 3264 §8.4): what the user wants, what the last agreed offer/answer says, and the peer's hold. */
    boolean holdWanted;
    boolean heldByUs;
    boolean heldByPeer;
    /** Our re-INVITE in progress, what it offered, and a retry after 491 (RFC 3261 §14.1). */
    ClientTransaction reinviteTx;
    boolean reinviteHolds;
    int reinviteChallenges;
    java.util.concurrent.ScheduledFuture<?> reinviteRetry;
    /** Media inactivity watch ({@link MediaWatch}): its periodic check, packets counted at the last one, quiet checks. */
    java.util.concurrent.ScheduledFuture<?> mediaWatch;
    long lastReceived;
    int quietChecks;
    /** An incoming re-INVITE answered 200 but not yet ACKed. */
    ServerTransaction reinviteServerTx;

    SipCall(String id, CallDirection direction, String sipCallId, CallMedia media, Phase phase) {
        this.id = id;
        this.direction = direction;
        this.sipCallId = sipCallId;
        this.media = media;
        this.phase = phase;
    }

    void cancelTimers() {
        for (java.util.concurrent.ScheduledFuture<?> f : new java.util.concurrent.ScheduledFuture<?>[] {
                ackTimer, ringTimer, reinviteRetry, mediaWatch}) {
            if (f != null) {
                f.cancel(false);
            }
        }
        ackTimer = null;
        ringTimer = null;
        reinviteRetry = null;
        mediaWatch = null;
    }

    boolean ringing() {
        return phase == Phase.CALLING || phase == Phase.EARLY;
    }
}
