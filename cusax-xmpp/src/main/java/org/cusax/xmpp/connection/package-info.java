/**
 * The life of the XMPP connection (RFC 6120 §3–§7, XEP-0198): building Smack's configuration from the
 * account, connecting and logging in on our own thread, classifying every failure into a reason the
 * user can act on, and reconnecting with jittered backoff until stopped.
 */
package org.cusax.xmpp.connection;
