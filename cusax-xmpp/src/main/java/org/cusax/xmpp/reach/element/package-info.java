/** The immutable {@code <reach xmlns='urn:xmpp:reach:0'>} element and its addresses (XEP-0152 §3). */
package org.cusax.xmpp.reach.element;
