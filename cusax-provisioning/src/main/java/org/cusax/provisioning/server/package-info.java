/**
 * The HTTPS provisioning server: checks a user id and password against the directory (throttled, audited)
 * and answers the user's provisioning document in cusax's format or Jitsi Desktop's.
 */
package org.cusax.provisioning.server;
