/**
 * Helpers for the integration tests: a running client on a user of the testbed or of a server profile
 * ({@code profile}), seeding contacts over XMPP, and waiting for states.
 */
package org.cusax.it.support;
