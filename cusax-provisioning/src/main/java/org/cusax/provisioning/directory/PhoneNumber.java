package org.cusax.provisioning.directory;

import java.util.Locale;
import java.util.Set;

/** One of a user's numbers, as the directory writes it into the user's vCard: a label and the number. */
public record PhoneNumber(String label, String number) {
    /** Labels the directory knows (the client's {@code contacts.tel-preference} labels). */
    public static final Set<String> LABELS = Set.of("mobile", "work", "home", "video", "other");

    public PhoneNumber {
        label = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("unknown number label '" + label + "' (known: mobile, work, home, video, other)");
        }
        number = number == null ? "" : number.strip();
        if (!number.matches("\\+?[0-9 ()./-]{2,40}")) {
            throw new IllegalArgumentException("not a phone number: '" + number + "'");
        }
    }

    /** Parses {@code label:number}, e.g. {@code mobile:+33 6 12 34 56 78}. */
    public static PhoneNumber parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected LABEL:NUMBER, got '" + text + "'");
        }
        return new PhoneNumber(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return label + ":" + number;
    }
}
