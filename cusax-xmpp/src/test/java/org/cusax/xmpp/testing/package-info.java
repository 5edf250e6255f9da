/**
 * Test helpers for the XMPP adapter: a throwaway PKI made with the openssl CLI, a minimal fake XMPP
 * server for STARTTLS and certificate cases, a recorder of everything a port reports (status, chat,
 * contacts), element round trips, and what a contact's own client does on a real server (ContactSeeds).
 */
package org.cusax.xmpp.testing;
