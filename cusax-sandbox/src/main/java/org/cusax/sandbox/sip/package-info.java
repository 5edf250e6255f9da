/**
 * The SIP side of the sandbox: a registrar and stateful proxy for one domain, built on JAIN-SIP,
 * for trying and testing cusax on one machine. <strong>Sandbox, not production.</strong>
 *
 * <p>What it does: listens on 127.0.0.1 over UDP, TCP and TLS (free ports unless configured; a
 * per-run certificate for the domain and 127.0.0.1, signed by a per-run or shared CA); digest
 * authentication with realm = domain, challenges for SHA-256 then MD5 (RFC 7616, RFC 8760), stateless
 * HMAC nonces; REGISTER bindings with expiry, refresh and Expires: 0 removal (RFC 3261 §10.3);
 * out-of-dialog requests from local users challenged with 407; stateful proxying of INVITE, ACK, BYE,
 * CANCEL, OPTIONS, re-INVITE, UPDATE, INFO and other methods to the registered contact (RFC 3261 §16:
 * Max-Forwards, Via, Record-Route — doubled on a transport change, RFC 5658 — loose routing, CANCEL
 * forwarding, 404 for unknown users and 480 for users without a binding).
 *
 * <p>TCP/TLS clients are reached over the connection they opened, also when their Contact names their
 * listening port rather than that connection's ({@link org.cusax.sandbox.sip.ConnectionAliasRouter},
 * as Kamailio's {@code fix_nated_register}/{@code set_contact_alias}).
 *
 * <p>What it does not do: no forking (a request goes to the most recent binding only), no other NAT
 * traversal, no outgoing TLS connections, no RFC 5626 outbound/GRUU, no persistence (bindings and users live
 * in memory for the run), no nonce-count replay tracking, no routing to other domains or off this
 * machine (a next hop must be a loopback address literal: no relay, no DNS), no
 * presence/MESSAGE storage, no rate limiting. Users are added through {@link
 * org.cusax.sandbox.sip.SandboxSip#addUser}.
 *
 * <p>Entry point: {@link org.cusax.sandbox.sip.SandboxSip#start}.
 */
package org.cusax.sandbox.sip;
