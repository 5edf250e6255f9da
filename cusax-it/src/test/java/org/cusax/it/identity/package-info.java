/**
 * Caller identity against real Prosody, Kamailio and sipp, and against the sandbox: binding incoming calls to roster contacts
 * (RFC 7081 §5, RFC 6993 Call-Info), "on the phone" presence, and the persisted call history.
 */
package org.cusax.it.identity;
