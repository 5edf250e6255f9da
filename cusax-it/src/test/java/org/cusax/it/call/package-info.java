/**
 * Calls through the composition root against real Prosody and Kamailio and against the sandbox (same
 * tests, two server profiles): RFC 7081 §4 (calls on the SIP half of a CUSAX session), RFC 3261 call
 * set-up and tear-down, audio checked by analysis.
 */
package org.cusax.it.call;
