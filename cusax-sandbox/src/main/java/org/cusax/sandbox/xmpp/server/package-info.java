/**
 * Vysper plumbing for the sandbox's XMPP server: accounts with SCRAM credentials, a loopback-only
 * endpoint, bounded offline storage, IQ replies addressed as RFC 6120 §8.2.3 wants.
 */
package org.cusax.sandbox.xmpp.server;
