/**
 * The directory's numbers as vCard TEL fields (RFC 7081 §3.1–3.2): vcard-temp {@code <TEL/>} and vCard4
 * {@code <tel/>} elements for the sandbox's stores, written as deploy/prosody's mod_cusax_vcard_tel does.
 */
package org.cusax.sandbox.xmpp.tel;
