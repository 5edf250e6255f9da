/**
 * A throw-away PostgreSQL server on 127.0.0.1 for tests (Debian's postgresql): the cusax user directory
 * in production form, read by Kamailio and written by the provisioning module's tests.
 */
package org.cusax.testbed.postgres;
