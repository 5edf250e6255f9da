/**
 * Keeping the account registered (RFC 3261 §10.2): REGISTER with digest authentication, refresh before
 * the granted expiry, re-register with jittered exponential backoff after a loss, un-register on stop.
 * Over TCP and TLS a lost connection (closed by the server, or a missing keepalive pong) is noticed at
 * once and the client registers again by itself. Over UDP there is no connection to lose: if the
 * registrar forgets us (e.g. restarts), we notice and register again only at the next refresh.
 */
package org.cusax.sip.registration;
