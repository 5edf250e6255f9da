package org.cusax.media.srtp;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * One direction of SRTP for one session: a sender protects outgoing RTP and RTCP with our key, a receiver
 * unprotects incoming packets with the peer's key (authentication tag checked, replays refused). Crypto
 * contexts are derived per SSRC on first use; at most {@value #MAX_STREAMS} SSRCs are accepted, so a flood
 * of forged SSRCs cannot exhaust memory. Thread-safe.
 */
public final class SrtpTransform implements AutoCloseable {
    static final int MAX_STREAMS = 16;
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpProfile profile;
    private final boolean sender;
    private final SrtpContextFactory factory;
    private final Map<Integer, SrtpCryptoContext> rtpContexts = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> rtcpContexts = new HashMap<>();

    private SrtpTransform(SrtpProfile profile, SrtpKey key, boolean sender) throws SrtpException {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.sender = sender;
        Objects.requireNonNull(key, "key");
        try {
            this.factory = new SrtpContextFactory(sender, key.masterKey(), key.masterSalt(), profile.rtpPolicy(),
                    profile.rtcpPolicy(), new LoggerImpl(SrtpTransform.class.getName()));
            // The first cipher of each kind makes jitsi-srtp benchmark its AES back-ends (about two seconds);
            // do it here, at call set-up, rather than on the first media packet.
            factory.deriveContext(0, 0);
            factory.deriveControlContext(0);
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            throw new SrtpException("the SRTP engine (jitsi-srtp) cannot start: " + e, e);
        }
    }

    /**
     * Runs jitsi-srtp's one-off start-up (its AES back-end benchmark, about two seconds on first use) with a
     * throw-away key, so that the first SRTP call does not pay for it. Safe to call from any thread, any time.
     */
    public static void prewarm() {
        try (SrtpTransform t = sender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpKey.generate())) {
            t.protectRtp(new byte[] {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0});
        } catch (SrtpException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SrtpTransform.class).debug("SRTP pre-warm failed: {}", e.toString());
        }
    }

    /** Protects what we send, with our own key. */
    public static SrtpTransform sender(SrtpProfile profile, SrtpKey localKey) throws SrtpException {
        return new SrtpTransform(profile, localKey, true);
    }

    /** Unprotects what the peer sends, with the peer's key. */
    public static SrtpTransform receiver(SrtpProfile profile, SrtpKey remoteKey) throws SrtpException {
        return new SrtpTransform(profile, remoteKey, false);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** An RTP packet turned into SRTP (payload encrypted, tag appended). */
    public synchronized byte[] protectRtp(byte[] rtp) throws SrtpException {
        requireDirection(true);
        requireLength(rtp, RTP_HEADER, "RTP");
        ArrayBuffer buf = new ArrayBuffer(rtp, profile.rtpTagLength());
        check(run(() -> rtpContext(ssrc(rtp, 8)).transformPacket(buf)), "protect RTP");
        return buf.toArray();
    }

    /** An SRTP packet checked and decrypted back into RTP. */
    public synchronized byte[] unprotectRtp(byte[] srtp) throws SrtpException {
        requireDirection(false);
        requireLength(srtp, RTP_HEADER + profile.rtpTagLength(), "SRTP");
        ArrayBuffer buf = new ArrayBuffer(srtp, 0);
        check(run(() -> rtpContext(ssrc(srtp, 8)).reverseTransformPacket(buf, false)), "SRTP packet");
        return buf.toArray();
    }

    /** An RTCP compound packet turned into SRTCP (encrypted, index and tag appended). */
    public synchronized byte[] protectRtcp(byte[] rtcp) throws SrtpException {
        requireDirection(true);
        requireLength(rtcp, RTCP_HEADER, "RTCP");
        ArrayBuffer buf = new ArrayBuffer(rtcp, 4 + 10);
        check(run(() -> rtcpContext(ssrc(rtcp, 4)).transformPacket(buf)), "protect RTCP");
        return buf.toArray();
    }

    /** An SRTCP packet checked and decrypted back into RTCP. */
    public synchronized byte[] unprotectRtcp(byte[] srtcp) throws SrtpException {
        requireDirection(false);
        requireLength(srtcp, RTCP_HEADER + 4 + 10, "SRTCP");
        ArrayBuffer buf = new ArrayBuffer(srtcp, 0);
        check(run(() -> rtcpContext(ssrc(srtcp, 4)).reverseTransformPacket(buf)), "SRTCP packet");
        return buf.toArray();
    }

    @Override
    public synchronized void close() {
        rtpContexts.clear();
        rtcpContexts.clear();
        factory.close();
    }

    private interface Step {
        SrtpErrorStatus apply() throws GeneralSecurityException, SrtpException;
    }

    private static SrtpErrorStatus run(Step step) throws SrtpException {
        try {
            return step.apply();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SrtpException("SRTP processing failed: " + e.getMessage(), e);
        }
    }

    private static void check(SrtpErrorStatus status, String what) throws SrtpException {
        if (status != SrtpErrorStatus.OK) {
            throw new SrtpException(what + " rejected: " + status.desc);
        }
    }

    private SrtpCryptoContext rtpContext(int ssrc) throws GeneralSecurityException, SrtpException {
        SrtpCryptoContext c = rtpContexts.get(ssrc);
        if (c == null) {
            requireRoom(rtpContexts.size());
            c = factory.deriveContext(ssrc, 0);
            rtpContexts.put(ssrc, c);
        }
        return c;
    }

    private SrtcpCryptoContext rtcpContext(int ssrc) throws GeneralSecurityException, SrtpException {
        SrtcpCryptoContext c = rtcpContexts.get(ssrc);
        if (c == null) {
            requireRoom(rtcpContexts.size());
            c = factory.deriveControlContext(ssrc);
            rtcpContexts.put(ssrc, c);
        }
        return c;
    }

    private static void requireRoom(int size) throws SrtpException {
        if (size >= MAX_STREAMS) {
            throw new SrtpException("more than " + MAX_STREAMS + " SSRCs in one SRTP session");
        }
    }

    private void requireDirection(boolean wantSender) {
        if (sender != wantSender) {
            throw new IllegalStateException(sender ? "this transform only protects" : "this transform only unprotects");
        }
    }

    private static void requireLength(byte[] packet, int min, String what) throws SrtpException {
        if (packet == null || packet.length < min) {
            throw new SrtpException(what + " packet too short: " + (packet == null ? 0 : packet.length)
                    + " bytes, at least " + min + " needed");
        }
    }

    private static int ssrc(byte[] p, int at) {
        return ((p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
    }
}
