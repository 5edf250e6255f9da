package org.cusax.core.connection;

/** Coarse protection level of a half's signalling, used to compare the two halves. */
public enum SecurityLevel {
    NONE,
    TLS
}
