/**
 * RFC 5626 §4.4.1 keepalives on TCP/TLS: a double-CRLF ping every {@code sip.keepalive.interval}
 * (randomised to 80–100 % of it, §4.4.1), and the connection is declared lost if the ping cannot be
 * written, or (once the server has answered a ping on that connection) no pong, or any other byte,
 * arrives within 10 s. Over UDP nothing is sent here.
 */
package org.cusax.sip.keepalive;
