/** Parsers for the vcard-temp elements; they never throw on what a contact published. */
package org.cusax.xmpp.vcardtemp.provider;
