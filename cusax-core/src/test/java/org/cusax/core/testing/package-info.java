/**
 * Fakes of the core ports, shared with the other modules through the core test-jar, so that unit
 * tests of the client, the app and the UIs run without servers.
 */
package org.cusax.core.testing;
