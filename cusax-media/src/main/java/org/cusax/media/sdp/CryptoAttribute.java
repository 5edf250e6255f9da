package org.cusax.media.sdp;

import java.util.Optional;
import org.cusax.media.srtp.SrtpKey;
import org.cusax.media.srtp.SrtpProfile;

/**
 * One SDES {@code a=crypto} attribute (RFC 4568 §9.1): tag, crypto suite, key parameters
 * ({@code inline:<base64>[|lifetime][|MKI:length]}, several separated by ';') and optional session
 * parameters. Its {@link #toString()} hides the key; {@link #value()} is the attribute as sent.
 */
public record CryptoAttribute(int tag, String suite, String keyParams, String sessionParams) {
    public CryptoAttribute {
        if (tag < 0 || tag > 999_999_999) {
            throw new IllegalArgumentException("crypto tag must be 0..999999999, got " + tag);
        }
        if (suite == null || !suite.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("bad crypto suite '" + suite + "'");
        }
        if (keyParams == null || !keyParams.regionMatches(true, 0, "inline:", 0, 7) || keyParams.contains(" ")) {
            throw new IllegalArgumentException("crypto key parameters must start with inline:");
        }
        sessionParams = sessionParams == null ? "" : sessionParams.trim();
    }

    /** Our own attribute: one inline key, no lifetime, no MKI. */
    public static CryptoAttribute of(int tag, SrtpProfile profile, SrtpKey key) {
        return new CryptoAttribute(tag, profile.suiteName(), "inline:" + key.base64(), "");
    }

    /** Parses the attribute value (what follows {@code a=crypto:}). */
    public static CryptoAttribute parse(String value) {
        String[] parts = value.trim().split("\\s+", 4);
        if (parts.length < 3) {
            throw new IllegalArgumentException("a=crypto needs tag, suite and key parameters");
        }
        int tag;
        try {
            tag = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a=crypto tag '" + parts[0] + "' is not a number");
        }
        return new CryptoAttribute(tag, parts[1], parts[2], parts.length > 3 ? parts[3] : "");
    }

    /** The suite as a supported profile, if it is one. */
    public Optional<SrtpProfile> profile() {
        return SrtpProfile.bySuiteName(suite);
    }

    /**
     * The master key of the first inline key parameter, if it is usable by us: valid base64 of 30 bytes,
     * without MKI (jitsi-srtp has no MKI support), and no session parameters (none are supported).
     */
    public Optional<SrtpKey> usableKey() {
        if (!sessionParams.isEmpty()) {
            return Optional.empty();
        }
        String first = keyParams.split(";")[0].substring("inline:".length());
        String[] fields = first.split("\\|");
        for (int i = 1; i < fields.length; i++) {
            if (fields[i].contains(":")) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(SrtpKey.fromBase64(fields[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The attribute value as written in SDP, including the key. */
    public String value() {
        return tag + " " + suite + " " + keyParams + (sessionParams.isEmpty() ? "" : " " + sessionParams);
    }

    @Override
    public String toString() {
        return "CryptoAttribute[" + tag + " " + suite + " inline:<redacted>"
                + (sessionParams.isEmpty() ? "" : " " + sessionParams) + "]";
    }
}
