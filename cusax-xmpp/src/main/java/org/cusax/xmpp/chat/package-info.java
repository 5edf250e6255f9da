/**
 * One-to-one chat (RFC 6121 §5): sending with stanza ids kept across re-sends, XEP-0198 acknowledgements
 * and error replies reported per message, incoming messages and XEP-0280 carbons handed to the core.
 */
package org.cusax.xmpp.chat;
