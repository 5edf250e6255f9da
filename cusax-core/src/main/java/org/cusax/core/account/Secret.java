package org.cusax.core.account;

import java.util.Arrays;

/**
 * A password or other secret. Its {@link #toString()} never shows the value, so a secret that ends up
 * in a log line, an exception message or a JSON dump by mistake stays hidden.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a secret cannot be null");
        }
        return new Secret(value.toCharArray());
    }

    public static Secret of(char[] value) {
        return new Secret(value);
    }

    /** A copy of the secret's characters; the caller should clear it after use. */
    public char[] chars() {
        return value.clone();
    }

    /** The secret as a string, for libraries that only take strings. Use as late as possible. */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "******";
    }
}
