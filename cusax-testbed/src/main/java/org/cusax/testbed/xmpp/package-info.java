/**
 * A raw-socket XMPP probe for tests, independent of Smack: stream features before and after
 * STARTTLS, the SASL mechanisms offered, and whether a user can log in with PLAIN.
 */
package org.cusax.testbed.xmpp;
