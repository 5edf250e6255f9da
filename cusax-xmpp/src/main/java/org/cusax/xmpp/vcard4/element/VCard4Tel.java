package org.cusax.xmpp.vcard4.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code tel} property of a vCard4 (RFC 6350 §6.4.1): its value, a {@code tel:}/{@code sip:} URI
 * ({@code <uri>}) or free text ({@code <text>}), and its TYPE values in lower case. A PREF parameter of 1
 * is listed as the type {@code pref}.
 *
 * @param value the URI or text, trimmed
 * @param types TYPE values (cell, voice, work, home, text, fax, video, pager, textphone, …) and pref
 */
public record VCard4Tel(String value, List<String> types) {
    public static final int MAX_VALUE_LENGTH = 1024;
    private static final Pattern TYPE = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+");

    public VCard4Tel {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a vCard4 tel needs a value");
        }
        value = value.strip();
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("a vCard4 tel value is limited to " + MAX_VALUE_LENGTH + " characters");
        }
        List<String> clean = new ArrayList<>();
        for (String type : types == null ? List.<String>of() : types) {
            String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
            if (!TYPE.matcher(t).matches()) {
                throw new IllegalArgumentException("'" + type + "' is not a vCard4 TYPE value");
            }
            if (!clean.contains(t)) {
                clean.add(t);
            }
        }
        types = List.copyOf(clean);
    }

    public static VCard4Tel of(String value, String... types) {
        return new VCard4Tel(value, List.of(types));
    }

    /** Whether the value is written as {@code <uri>} (it has a scheme and no spaces) rather than {@code <text>}. */
    public boolean isUri() {
        return URI.matcher(value).matches();
    }

    /** Whether {@code type} is a valid TYPE token. */
    public static boolean validType(String type) {
        return type != null && TYPE.matcher(type.strip().toLowerCase(Locale.ROOT)).matches();
    }
}
