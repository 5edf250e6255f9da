/**
 * The per-account disk cache of contacts' tels (with when each was fetched and the photo hash that
 * tells a vcard-temp changed). Files are written atomically, hold no credential, and an unreadable file
 * is ignored with a warning.
 */
package org.cusax.xmpp.contacts.cache;
