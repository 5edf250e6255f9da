/**
 * Demo SIP peers that live in the sandbox's process and register to it like any client, using our
 * own adapters (cusax-sip's {@code JainSipTelephonyPort}, cusax-media for audio): {@link
 * org.cusax.sandbox.peers.GreetingPeer} answers and plays a spoken greeting, then hangs up; {@link
 * org.cusax.sandbox.peers.BusyPeer} answers every call with 486 Busy Here. {@link
 * org.cusax.sandbox.peers.DemoPeers} starts both as users {@code greeting} and {@code busy}.
 */
package org.cusax.sandbox.peers;
