/**
 * The XMPP half of CUSAX ("Chat", RFC 7081 §3) as a Smack 4.4 adapter: {@link org.cusax.xmpp.SmackChatPort}
 * implements the core's {@link org.cusax.core.port.ChatPort}. Sub-packages hold one capability each:
 * TLS, connection life, chat, roster and advertised features.
 */
package org.cusax.xmpp;
