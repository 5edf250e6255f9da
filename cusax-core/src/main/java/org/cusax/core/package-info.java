/**
 * The CUSAX domain: one service whose telephony runs on SIP and whose chat, contacts and presence run
 * on XMPP. Knows no protocol library; adapters implement the interfaces in {@code port}.
 */
package org.cusax.core;
