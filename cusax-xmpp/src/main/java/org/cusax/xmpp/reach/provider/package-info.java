/** Parser for reachability elements, in presence and in PEP items; never throws on content. */
package org.cusax.xmpp.reach.provider;
