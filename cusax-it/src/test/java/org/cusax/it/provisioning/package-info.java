/**
 * Sign-in with only a user id and password (RFC 7081 §2): discovery through a real DNS server on
 * loopback (dnsmasq), provisioning over HTTPS, then both halves online on real Prosody and Kamailio.
 */
package org.cusax.it.provisioning;
