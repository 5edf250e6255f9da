/**
 * The user directory of the provider kit: users, their numbers and the credentials each consumer needs
 * (provisioning hash, XMPP SCRAM keys, SIP digest HA1), all derived from one password, in one SQL schema
 * managed by Flyway (embedded H2 by default, PostgreSQL in production).
 */
package org.cusax.provisioning.directory;
