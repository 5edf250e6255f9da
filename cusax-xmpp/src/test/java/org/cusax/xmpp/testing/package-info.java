/**
 * Test helpers for the XMPP adapter: a throwaway PKI made with the openssl CLI, a minimal fake XMPP
 * server for STARTTLS and certificate cases, and a callback recorder.
 */
package org.cusax.xmpp.testing;
