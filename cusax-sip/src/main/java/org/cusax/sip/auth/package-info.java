/**
 * SIP digest authentication for the client side (RFC 3261 §22, RFC 7616, RFC 8760): reading
 * challenges, choosing one by our algorithm preference (RFC 8760 §2.4), computing the response with
 * SHA-256 or MD5, qop=auth with cnonce and nonce count. JAIN-SIP's own helper knows only MD5.
 */
package org.cusax.sip.auth;
