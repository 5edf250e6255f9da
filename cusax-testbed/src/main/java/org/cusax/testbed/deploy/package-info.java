/**
 * Access to the server configurations of {@code deploy/} (packed into this jar) and rendering of
 * their "site settings" block for one run.
 */
package org.cusax.testbed.deploy;
