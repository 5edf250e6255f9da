/**
 * A per-run test certificate authority made with the {@code openssl} command: the CA that clients
 * trust, server certificates for the test domain, and a wrong-host certificate signed by the same CA.
 */
package org.cusax.testbed.pki;
