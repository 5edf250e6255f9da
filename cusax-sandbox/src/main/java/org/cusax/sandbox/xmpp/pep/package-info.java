/**
 * A small PEP (XEP-0163) service for the sandbox's Vysper server: publish/retrieve the last item of an
 * account's nodes (vCard4 of XEP-0292, reachability of XEP-0152, …) and notify the owner's presence
 * subscribers. Vysper 0.7's pubsub extension is a XEP-0060 service component without PEP.
 */
package org.cusax.sandbox.xmpp.pep;
