package org.cusax.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * INVITE → 180 times read from sipp's message trace (RFC 3261 §17.1.1: the first INVITE of a transaction, not
 * its retransmissions; the first 180 per Call-ID), to the microsecond.
 */
class SippMessageLogTest {
    private static final String DASHES = "-----------------------------------------------";

    private static String block(String time, String direction, String firstLine, String callId) {
        return DASHES + " 2026-12-04 " + time + "\nUDP message " + (direction.equals("sent") ? "sent (10 bytes):"
                : "received [10] bytes :") + "\n\n" + firstLine + "\nVia: SIP/2.0/UDP 127.0.0.1:5060\nCall-ID: "
                + callId + "\nCSeq: 1 INVITE\n\n";
    }

    @Test
    void eachCallsFirstInviteToItsFirstRingingInMilliseconds() {
        String log = block("13:57:39.463392", "sent", "INVITE sip:bob@cusax.test SIP/2.0", "a@x")
                + block("13:57:39.463615", "received", "SIP/2.0 100 Trying", "a@x")
                + block("13:57:39.463900", "sent", "INVITE sip:bob@cusax.test SIP/2.0", "a@x")
                + block("13:57:39.464757", "received", "SIP/2.0 180 Ringing", "a@x")
                + block("13:57:39.464900", "received", "SIP/2.0 180 Ringing", "a@x")
                + block("13:57:39.563507", "sent", "INVITE sip:bob@cusax.test SIP/2.0", "b@x")
                + block("13:57:39.565507", "received", "SIP/2.0 200 OK", "b@x")
                + block("13:57:39.600000", "sent", "INVITE sip:bob@cusax.test SIP/2.0", "c@x")
                + block("13:57:40.612345", "received", "SIP/2.0 180 Ringing", "c@x");

        assertThat(SippMessageLog.inviteToRinging(log)).containsExactly(1.365, 1012.345);
    }

    @Test
    void anEmptyOrForeignLogHasNoTimes() {
        assertThat(SippMessageLog.inviteToRinging("")).isEmpty();
        assertThat(SippMessageLog.inviteToRinging("sipp: no such scenario\n")).isEmpty();
    }
}
