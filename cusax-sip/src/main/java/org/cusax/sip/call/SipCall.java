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
    String offer;

    SipCall(String id, CallDirection direction, String sipCallId, CallMedia media, Phase phase) {
        this.id = id;
        this.direction = direction;
        this.sipCallId = sipCallId;
        this.media = media;
        this.phase = phase;
    }

    boolean ringing() {
        return phase == Phase.CALLING || phase == Phase.EARLY;
    }
}
