/** PEP notifications (XEP-0163) received in stream order, so that a later stanza's handling can rely on them. */
package org.cusax.xmpp.pep;
