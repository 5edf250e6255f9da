/**
 * Reachability addresses (XEP-0152): the SIP/tel addresses at which a contact can be reached, read from
 * their presence (§3) and their PEP node {@code urn:xmpp:reach:0} (§4, followed with {@code +notify});
 * and our own SIP address-of-record published both ways, which is how CUSAX (RFC 7081 §5) tells XMPP
 * contacts where to call us.
 */
package org.cusax.xmpp.reach;
