/**
 * The sandbox's per-run PKI, made in-process with BouncyCastle: a CA that clients trust and the server
 * certificates it issues (for the XMPP domain, the SIP host, 127.0.0.1). Keys stay in memory.
 */
package org.cusax.sandbox.pki;
