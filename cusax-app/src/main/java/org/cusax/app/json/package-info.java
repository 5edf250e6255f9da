/**
 * JSON rendering of the command/event API: one object per status answer, one line per event. The
 * field names here are the public contract of {@code --json} and of the daemon API.
 */
package org.cusax.app.json;
