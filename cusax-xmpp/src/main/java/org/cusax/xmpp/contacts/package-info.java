/**
 * Contacts with their telephony addresses, loaded fast (RFC 7081 §4 needs them to call a chat contact):
 * the roster and presence reported to the core, vcard-temp and vCard4 fetched in a bounded pipeline
 * (never one blocking request per contact), reachability followed, and everything cached per account on
 * disk so that an unchanged roster costs no vCard request at the next start.
 */
package org.cusax.xmpp.contacts;
