/**
 * The sandbox's XMPP side: {@link org.cusax.sandbox.xmpp.SandboxXmppServer}, an embedded Apache Vysper
 * 0.7 server on 127.0.0.1 with STARTTLS (per-run certificate), SCRAM-SHA-1, rosters, presence, chat,
 * offline messages, vcard-temp and PEP (vCard4, reachability), seeded through its API. Not for production.
 */
package org.cusax.sandbox.xmpp;
