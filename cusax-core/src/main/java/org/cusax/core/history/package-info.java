/**
 * One conversation history per contact: the calls (with their outcome) and the chat messages of an
 * account, kept by a {@link org.cusax.core.history.HistoryStore} so that they survive a restart.
 */
package org.cusax.core.history;
