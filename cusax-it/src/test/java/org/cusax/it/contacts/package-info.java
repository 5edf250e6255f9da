/**
 * The contact list (RFC 7081 §4): the roster with each contact's telephony addresses from vCards and
 * reachability, normalized, callable, routed — against real Prosody and Kamailio, and the sandbox.
 */
package org.cusax.it.contacts;
