/**
 * The one command/event API every front-end drives (CLI, daemon HTTP/WebSocket, web page, tests): a
 * registry of named commands over the core, typed results and errors with stable codes, and the one
 * exhaustive JSON encoder of events (baresip {@code cmd.c} + {@code bevent.c}).
 */
package org.cusax.app.api;
