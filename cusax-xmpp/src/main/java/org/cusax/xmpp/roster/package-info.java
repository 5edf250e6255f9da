/**
 * The contact list (RFC 6121 §2): loaded at login with roster versioning, subscription requests left
 * for the user to decide, and a read-only view for the rest of the application.
 */
package org.cusax.xmpp.roster;
