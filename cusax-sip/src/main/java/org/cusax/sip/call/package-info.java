/**
 * Calls over SIP (RFC 3261 §13–15): outgoing INVITEs with our SDP offer, digest-challenged through the
 * proxy, ACK along the route set, CANCEL and BYE; incoming INVITEs rung, answered or rejected. Each
 * call's audio runs in a cusax-media RTP session (SRTP required when SIP runs over TLS).
 */
package org.cusax.sip.call;
