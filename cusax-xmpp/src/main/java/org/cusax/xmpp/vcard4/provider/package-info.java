/** Parser for vCard4 xCards (through ez-vcard); never throws on what a contact published. */
package org.cusax.xmpp.vcard4.provider;
