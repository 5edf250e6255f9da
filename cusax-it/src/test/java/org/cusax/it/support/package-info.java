/** Helpers for the integration tests: a running client on a testbed user, and waiting for states. */
package org.cusax.it.support;
