/**
 * TLS for the XMPP stream (RFC 6120 §5): the configured trust store, an SSL context that checks the
 * server certificate against the XMPP domain during the handshake, and a record of the negotiated
 * protocol and cipher suite.
 */
package org.cusax.xmpp.tls;
