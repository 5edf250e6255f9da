package org.cusax.sandbox.sip;

import java.time.Instant;

import javax.sip.address.SipURI;

/**
 * One REGISTER binding of the location service (RFC 3261 §10.3): where an address-of-record can be
 * reached until when.
 *
 * @param contact   the Contact URI the user agent registered
 * @param expiresAt when the binding lapses unless refreshed
 * @param callId    Call-ID of the REGISTER that made or last refreshed it
 * @param cseq      its CSeq number (an older one from the same Call-ID must not overwrite it)
 */
public record Binding(SipURI contact, Instant expiresAt, String callId, long cseq) {
}
