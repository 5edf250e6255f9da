package org.cusax.core.contact;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The type flags a vCard puts on a telephone number: the vcard-temp TEL children (XEP-0054), the
 * vCard 3 TYPE values (RFC 2426 §3.3.1) and the vCard 4 TYPE values (RFC 6350 §6.4.1). A number carries a
 * set of them; {@link TelLabel} derives what the user sees.
 */
public enum TelType {
    VOICE, CELL, WORK, HOME, VIDEO, FAX, PAGER, MSG, TEXT, TEXTPHONE, BBS, MODEM, ISDN, PCS, CAR, PREF;

    /** Types whose line carries no voice: a number with only these (plus location/pref flags) is not called. */
    private static final Set<TelType> NON_VOICE = EnumSet.of(FAX, PAGER, MODEM, BBS);
    /** Types that say the line does carry voice, even when a non-voice type is also present (FAX+VOICE). */
    private static final Set<TelType> VOICE_LINE = EnumSet.of(VOICE, CELL, VIDEO, MSG, PCS, CAR, ISDN, TEXTPHONE);

    /** The lower-case token, as in vCard 4 and in JSON output. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named by a vcard-temp element name or a vCard TYPE value, case-insensitive; empty if unknown. */
    public static Optional<TelType> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.strip().toUpperCase(Locale.ROOT);
        for (TelType type : values()) {
            if (type.name().equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The known types among the tokens; unknown tokens are ignored. */
    public static Set<TelType> parseAll(Collection<String> tokens) {
        EnumSet<TelType> set = EnumSet.noneOf(TelType.class);
        if (tokens != null) {
            tokens.forEach(t -> fromToken(t).ifPresent(set::add));
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Whether a number with these types can be called: every number can, except those whose types name
     * only non-voice lines (FAX, PAGER, MODEM, BBS) and no voice line. A number without types is a voice
     * number (the vCard default). FAX+VOICE is callable; FAX+WORK is not.
     */
    public static boolean voiceCapable(Set<TelType> types) {
        boolean nonVoice = types.stream().anyMatch(NON_VOICE::contains);
        return !nonVoice || types.stream().anyMatch(VOICE_LINE::contains);
    }
}
