/**
 * Integration tests: the real client (real adapters, built by the app's composition root) against
 * real Prosody, Kamailio and sipp started on 127.0.0.1 by {@code cusax-testbed}. Each class names the
 * RFC/XEP section it checks.
 */
package org.cusax.it;
