/**
 * {@code cusax serve}: one long-lived session per account behind the command registry, served over
 * HTTP + JSON (commands) and a WebSocket (events) on 127.0.0.1, guarded by a per-daemon token and an
 * Origin check; the lock and token files through which the CLI finds it.
 */
package org.cusax.app.daemon;
