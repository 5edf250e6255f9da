/**
 * The contact list: roster entries with their telephony addresses (vcard-temp, vCard4, XEP-0152
 * reachability), normalized with libphonenumber and RFC 3261/3966 rules, and the tel index that answers
 * "which contacts own this address". Adapters hand in already-extracted strings; no XML here.
 */
package org.cusax.core.contact;
