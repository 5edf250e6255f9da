/**
 * The security-profile guard (RFC 7081 §7): compares how the two halves and each call's media are
 * protected and decides, per {@code security.profile}, whether a weaker half or call may run.
 */
package org.cusax.core.security;
