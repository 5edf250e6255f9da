package org.cusax.core.security;

/**
 * The guard's decision about one call's media.
 *
 * @param allowed     the call may go on
 * @param warning     it goes on although its media is weaker than its signalling
 * @param explanation what the user should know (why it was refused and how to fix it, when refused)
 */
public record MediaDecision(boolean allowed, boolean warning, String explanation) {
}
