/**
 * vcard-temp (XEP-0054) as far as telephony is concerned: every {@code <TEL>} of a contact's vCard with
 * all its type flags and its {@code <NUMBER>} (a phone number, a sip:/sips: URI or a tel: URI), and the
 * XEP-0153 photo hash in presence that tells us a contact's vCard changed. Smack's own VCard parser keeps
 * one number per (home/work × type), so ours replaces it.
 */
package org.cusax.xmpp.vcardtemp;
