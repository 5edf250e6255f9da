/**
 * The provider kit and sign-in against real servers (issue 12): the user directory on PostgreSQL feeding
 * Kamailio and Prosody; sign-in with only a user id and password (RFC 7081 §2) through a real DNS server
 * on loopback (dnsmasq) and provisioning over HTTPS, then both halves online.
 */
package org.cusax.it.provisioning;
