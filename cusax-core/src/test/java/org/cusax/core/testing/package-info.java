/**
 * Fakes of the core ports and recorders of what a port reports, shared with the other modules
 * through the core test-jar, so that unit tests of the client, the app and the UIs run without
 * servers, and the adapters' tests against real servers wait on callbacks the same way.
 */
package org.cusax.core.testing;
