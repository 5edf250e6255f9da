package org.cusax.xmpp.vcardtemp.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code <TEL>} of a vcard-temp (XEP-0054 §3, DTD {@code TEL}): its type flags, as the upper-case
 * element names of the DTD, and its {@code <NUMBER>} exactly as written (trimmed).
 *
 * @param types  type flags in document order, without duplicates; empty when the TEL had none
 * @param number a phone number in any format, or a sip:, sips: or tel: URI
 */
public record VCardTel(List<String> types, String number) {
    /** The type flags of the XEP-0054 DTD, in its order. */
    public static final List<String> TYPES = List.of("HOME", "WORK", "VOICE", "FAX", "PAGER", "MSG", "CELL",
            "VIDEO", "BBS", "MODEM", "ISDN", "PCS", "PREF");
    /** Longest NUMBER we keep; longer ones are not telephone numbers. */
    public static final int MAX_NUMBER_LENGTH = 1024;

    public VCardTel {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("a TEL needs a NUMBER");
        }
        number = number.strip();
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("a TEL NUMBER is limited to " + MAX_NUMBER_LENGTH + " characters");
        }
        List<String> clean = new ArrayList<>();
        for (String type : types == null ? List.<String>of() : types) {
            String t = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
            if (!TYPES.contains(t)) {
                throw new IllegalArgumentException("'" + type + "' is not a vcard-temp TEL type");
            }
            if (!clean.contains(t)) {
                clean.add(t);
            }
        }
        types = List.copyOf(clean);
    }

    public static VCardTel of(String number, String... types) {
        return new VCardTel(List.of(types), number);
    }

    /** Whether {@code name} (any case) is one of the {@link #TYPES}. */
    public static boolean isType(String name) {
        return name != null && TYPES.contains(name.toUpperCase(Locale.ROOT));
    }
}
