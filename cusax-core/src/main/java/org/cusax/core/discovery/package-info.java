/**
 * Discovery from a user id ({@code alice@example.com}): the provisioning server (given, DNS SRV,
 * well-known URL), else the service records of both halves (XMPP SRV, SIP NAPTR/SRV per RFC 3263).
 */
package org.cusax.core.discovery;
