/**
 * vCard4 over XMPP (XEP-0292): the contact's xCard (RFC 6351) in its PEP node {@code urn:xmpp:vcard4},
 * fetched once and then followed through {@code +notify} notifications. Only the telephony view (every
 * {@code tel} with its TYPE values) is kept; the xCard is read with ez-vcard.
 */
package org.cusax.xmpp.vcard4;
