/**
 * Signing in from the web page: the {@code sign-in}, {@code sign-in-manual}, {@code sign-out} and
 * {@code session-state} commands, on the same login core as {@code cusax login}, and manual settings.
 */
package org.cusax.app.signin;
