package org.cusax.core.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the user sees next to a number, derived from its {@link TelType}s. For a callable number the
 * first rule that applies wins: CELL, PCS or CAR → Mobile; VIDEO → Video; WORK → Work; HOME → Home;
 * otherwise Other. So a work mobile (WORK+CELL) is "Mobile", a work video line (WORK+VIDEO) is "Video".
 * A number that cannot be called is labelled Fax or Pager (or Other for modem/BBS lines).
 */
public enum TelLabel {
    MOBILE("Mobile"),
    WORK("Work"),
    HOME("Home"),
    VIDEO("Video"),
    OTHER("Other"),
    FAX("Fax"),
    PAGER("Pager");

    private final String text;

    TelLabel(String text) {
        this.text = text;
    }

    /** The word shown to the user, e.g. {@code Mobile}. */
    public String text() {
        return text;
    }

    /** The lower-case token used in JSON and in configuration, e.g. {@code mobile}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A label named by its token or text, case-insensitive. */
    public static Optional<TelLabel> fromToken(String token) {
        String t = token == null ? "" : token.strip();
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(t)).findFirst();
    }

    public static TelLabel of(Set<TelType> types) {
        if (!TelType.voiceCapable(types)) {
            if (types.contains(TelType.FAX)) {
                return FAX;
            }
            return types.contains(TelType.PAGER) ? PAGER : OTHER;
        }
        if (types.contains(TelType.CELL) || types.contains(TelType.PCS) || types.contains(TelType.CAR)) {
            return MOBILE;
        }
        if (types.contains(TelType.VIDEO)) {
            return VIDEO;
        }
        if (types.contains(TelType.WORK)) {
            return WORK;
        }
        return types.contains(TelType.HOME) ? HOME : OTHER;
    }

    @Override
    public String toString() {
        return text;
    }
}
