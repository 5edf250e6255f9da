/**
 * The per-account disk cache of contacts' tels (with when each was fetched, the photo hash that tells a
 * vcard-temp changed, and each tel's normalized form so that a warm start parses nothing). Files are
 * written atomically, hold no credential, and an unreadable file is ignored with a warning.
 */
package org.cusax.xmpp.contacts.cache;
