/**
 * The whole sandbox in one object: {@link org.cusax.sandbox.Sandbox} starts one CA, the XMPP and SIP
 * servers for one domain on 127.0.0.1, the demo accounts with their contacts, the demo peers, and writes
 * a ready client configuration per demo account. For trying and testing cusax, not for production.
 */
package org.cusax.sandbox;
