/**
 * What we advertise in service discovery (XEP-0030/XEP-0115). In CUSAX calls go over SIP (RFC 7081
 * §3), so the XMPP half never advertises Jingle (XEP-0166/0167/0176/0177) and refuses Jingle requests.
 */
package org.cusax.xmpp.features;
