/**
 * The conversation history on disk: one JSON object per line per account
 * ({@link org.cusax.app.history.JsonLinesHistoryStore}), read back by {@code cusax history}.
 */
package org.cusax.app.history;
