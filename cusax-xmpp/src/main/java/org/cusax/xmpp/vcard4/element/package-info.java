/** The telephony view of a vCard4 xCard (XEP-0292 §3, RFC 6351), immutable. */
package org.cusax.xmpp.vcard4.element;
