/**
 * The connections (flows, RFC 5626 §3) we open to the SIP server over TCP or TLS: each socket we
 * create is observed so that we learn at once when the server closes it, and how many bytes arrived
 * (a CRLF pong after our keepalive ping shows up as bytes). {@link org.cusax.sip.net.StackSockets}
 * keeps every socket of one stack (listeners and the connections they accept included) so that none
 * outlives the stack's stop. What arrives on a stream connection, accepted or opened by us, can be screened
 * before the stack reads it ({@link org.cusax.sip.net.FramedRequestStream}).
 */
package org.cusax.sip.net;
