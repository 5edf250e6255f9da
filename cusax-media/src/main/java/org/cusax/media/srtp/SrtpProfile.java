package org.cusax.media.srtp;

import java.util.Optional;
import org.jitsi.srtp.SrtpPolicy;

/**
 * The SDES crypto suites supported (RFC 4568 §6.2): AES counter mode with a 128-bit key and HMAC-SHA1
 * with an 80- or 32-bit tag on SRTP. SRTCP always uses the 80-bit tag.
 */
public enum SrtpProfile {
    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** Master key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** Master salt length in bytes. */
    public static final int SALT_LENGTH = 14;
    private static final int AUTH_KEY_LENGTH = 20;
    private static final int SRTCP_TAG_LENGTH = 10;

    private final int rtpTagLength;

    SrtpProfile(int rtpTagLength) {
        this.rtpTagLength = rtpTagLength;
    }

    /** The suite name as written in {@code a=crypto}. */
    public String suiteName() {
        return name();
    }

    /** Bytes the authentication tag adds to each SRTP packet. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** The profile for a suite name, if supported. */
    public static Optional<SrtpProfile> bySuiteName(String suite) {
        for (SrtpProfile p : values()) {
            if (p.name().equalsIgnoreCase(suite)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    SrtpPolicy rtpPolicy() {
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, KEY_LENGTH, SrtpPolicy.HMACSHA1_AUTHENTICATION,
                AUTH_KEY_LENGTH, rtpTagLength, SALT_LENGTH);
    }

    SrtpPolicy rtcpPolicy() {
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, KEY_LENGTH, SrtpPolicy.HMACSHA1_AUTHENTICATION,
                AUTH_KEY_LENGTH, SRTCP_TAG_LENGTH, SALT_LENGTH);
    }
}
