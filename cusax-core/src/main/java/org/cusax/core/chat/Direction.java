package org.cusax.core.chat;

/** Whether a message or call came to us or went from us. */
public enum Direction {
    INCOMING,
    OUTGOING
}
