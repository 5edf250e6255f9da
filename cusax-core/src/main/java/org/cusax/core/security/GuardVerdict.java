package org.cusax.core.security;

/** Outcome of comparing the two halves. */
public enum GuardVerdict {
    /** Both halves online and protected alike. */
    EQUAL,
    /** At most one half online: nothing to compare yet. */
    ONE_HALF,
    /** The halves differ; the profile lets both run with a standing warning. */
    MISMATCH_WARNED,
    /** The halves differ; the weaker one is kept down. */
    MISMATCH_REFUSED,
    /** {@code security.profile = off}. */
    NOT_COMPARED
}
