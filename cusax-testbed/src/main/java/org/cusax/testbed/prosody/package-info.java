/**
 * A Prosody 0.12 XMPP server for one run: rendered configuration, users through prosodyctl,
 * start, stop, restart and kill -9 with the same ports and data; direct writes of its storage files
 * (accounts, rosters, vCards) to seed thousands of contacts fast.
 */
package org.cusax.testbed.prosody;
