/**
 * Real Prosody and Kamailio on 127.0.0.1 for tests and demos: {@link org.cusax.testbed.Testbed}
 * starts them in a fresh directory from the configurations in {@code deploy/}, with a per-run CA
 * and per-run users that exist on both servers.
 */
package org.cusax.testbed;
