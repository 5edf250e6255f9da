/**
 * Accounts: who we log in as on each protocol, with credentials, server, transport, security
 * settings and feature switches (calling, IM and presence).
 */
package org.cusax.core.account;
