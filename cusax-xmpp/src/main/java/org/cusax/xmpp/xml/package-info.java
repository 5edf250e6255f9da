/**
 * Defensive XML reading for the extensions we parse from other users' data (vCards, reachability):
 * an element is first captured whole from the stream, then read from that copy, so that nothing a
 * contact publishes can make a provider throw into Smack's stream parser.
 */
package org.cusax.xmpp.xml;
