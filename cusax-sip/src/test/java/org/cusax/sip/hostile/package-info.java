/** Hostile input on the client's own SIP listener: RFC 4475-style torture requests, a PROTOS-style campaign, size limits. */
package org.cusax.sip.hostile;
