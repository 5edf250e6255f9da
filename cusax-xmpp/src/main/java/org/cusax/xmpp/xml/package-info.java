/**
 * Defensive XML reading for the extensions we parse from other users' data (vCards, reachability): an
 * element is read where the stream parser stands ({@link org.cusax.xmpp.xml.InPlaceXml}) or, for a library that
 * reads documents of its own, captured whole first ({@link org.cusax.xmpp.xml.DetachedXml}); either way nothing a
 * contact publishes can make a provider throw into Smack's stream parser or leave it inside the element.
 */
package org.cusax.xmpp.xml;
