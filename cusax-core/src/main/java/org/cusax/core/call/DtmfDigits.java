package org.cusax.core.call;

/** DTMF digits as RFC 4733 §3.2 defines events 0–15: 0-9, *, #, A-D. */
public final class DtmfDigits {
    private DtmfDigits() {
    }

    /** Returns the digits upper-cased, or throws {@link IllegalArgumentException} naming the bad one. */
    public static String requireValid(String digits) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("no DTMF digits given");
        }
        String upper = digits.toUpperCase(java.util.Locale.ROOT);
        for (char c : upper.toCharArray()) {
            if ("0123456789*#ABCD".indexOf(c) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: '" + c + "'");
            }
        }
        return upper;
    }
}
