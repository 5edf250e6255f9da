package org.cusax.sip.call;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.cusax.core.call.EndReason;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.media.sdp.Direction;

/**
 * Media inactivity (sip.call.media-timeout, in the spirit of RFC 3550 §6.3.5): an answered call whose
 * peer is meant to send us media, yet from which no RTP or RTCP packet has arrived for the whole timeout,
 * is hung up with a BYE and ends {@link EndReason.Kind#MEDIA_TIMEOUT}. It checks the received-packet
 * count {@value #CHECKS} times per timeout on the SIP half's scheduler (so a fake clock drives it in
 * tests); while either side holds the call (sendonly, recvonly or inactive: the peer may legitimately
 * send nothing) the count of quiet checks starts again, so a resumed call gets the full timeout.
 */
final class MediaWatch {
    static final int CHECKS = 4;

    private final CallManager calls;
    private final Duration timeout;

    MediaWatch(CallManager calls, Duration timeout) {
        this.calls = calls;
        this.timeout = timeout;
    }

    /** Starts watching a call that has just been answered (either direction). Caller holds the call lock. */
    void watch(SipCall call) {
        if (timeout.isZero() || call.mediaWatch != null) {
            return;
        }
        long period = Math.max(1, timeout.toNanos() / CHECKS);
        call.lastReceived = received(call.media.statistics());
        call.quietChecks = 0;
        call.mediaWatch = calls.scheduleRepeating(() -> check(call), period, TimeUnit.NANOSECONDS);
    }

    private void check(SipCall call) {
        synchronized (calls) {
            if (call.phase != SipCall.Phase.CONFIRMED) {
                return; // ended: its timers are cancelled with it
            }
            long now = received(call.media.statistics());
            if (now != call.lastReceived || !peerMeantToSend(call)) {
                call.lastReceived = now;
                call.quietChecks = 0;
                return;
            }
            if (++call.quietChecks < CHECKS) {
                return;
            }
            calls.sendBye(call);
            calls.end(call, EndReason.of(EndReason.Kind.MEDIA_TIMEOUT, "media-timeout: no RTP or RTCP from the peer for "
                    + timeout.toSeconds() + " s (sip.call.media-timeout): hung up"));
        }
    }

    /** Whether the agreed media has the peer sending to us: both directions, nobody holding. */
    private static boolean peerMeantToSend(SipCall call) {
        return !call.heldByUs && !call.heldByPeer && !call.holdWanted
                && call.media.direction().map(d -> d == Direction.SENDRECV).orElse(false);
    }

    private static long received(RtpStatistics s) {
        return s.rtpPacketsReceived() + s.rtcpPacketsReceived();
    }
}
