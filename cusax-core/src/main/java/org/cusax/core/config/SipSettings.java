package org.cusax.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SIP half settings beyond the account itself.
 *
 * @param displayName        display name in From headers (may be empty)
 * @param userAgent          User-Agent header value
 * @param localAddress       local IP address to bind and advertise in Via/Contact
 * @param localPort          local port; 0 picks a free one
 * @param registerExpires    registration lifetime we ask for
 * @param keepaliveInterval  RFC 5626 CRLF keepalive interval on TCP/TLS
 * @param maxMessageSize     largest SIP message accepted, in bytes
 * @param digestAlgorithms   digest algorithms we accept, most preferred first (RFC 8760 names)
 * @param requestTimeout     how long to wait for a final response to REGISTER
 * @param sendCallInfo       our INVITEs carry Call-Info with our JID (purpose=impp) when linked
 * @param trustedProxy       host (name or address) whose P-Asserted-Identity we believe (RFC 3325);
 *                           empty = the configured outbound proxy / registrar
 * @param ringTimeout        how long a call may ring: an outgoing one is then cancelled (ends no-answer), an
 *                           incoming one refused with 480 Temporarily Unavailable
 * @param ackTimeout         how long our 200 OK waits for its ACK before we hang up (RFC 3261 Timer H, 32 s)
 * @param mediaTimeout       how long an answered call may receive no RTP/RTCP while the peer is meant to send
 *                           before we hang up with BYE (RFC 3550 §6.3.5-style inactivity); zero = never
 * @param trustProxyByAddress over UDP or TCP (no peer identity), believe the trusted proxy's P-Asserted-Identity
 *                           on its source address alone; over TLS the connection's verified certificate is
 *                           always required ({@code sip.trusted-proxy.by-address}, default false)
 * @param listenerCertificate PEM certificate chain our TLS listener presents ({@code sip.tls.listener-certificate});
 *                           empty = none, and no TLS handshake on our listener can complete (requests then come
 *                           only over our own connection to the proxy)
 * @param listenerKey        its unencrypted PEM PKCS#8 private key ({@code sip.tls.listener-key}); set with the
 *                           certificate or not at all
 */
public record SipSettings(String displayName, String userAgent, String localAddress, int localPort,
                          Duration registerExpires, Duration keepaliveInterval, int maxMessageSize,
                          List<String> digestAlgorithms, Duration requestTimeout, boolean sendCallInfo,
                          String trustedProxy, Duration ringTimeout, Duration ackTimeout, Duration mediaTimeout,
                          boolean trustProxyByAddress, Optional<Path> listenerCertificate, Optional<Path> listenerKey) {

    /** Settings without a TLS listener identity. */
    public SipSettings(String displayName, String userAgent, String localAddress, int localPort,
                       Duration registerExpires, Duration keepaliveInterval, int maxMessageSize,
                       List<String> digestAlgorithms, Duration requestTimeout, boolean sendCallInfo,
                       String trustedProxy, Duration ringTimeout, Duration ackTimeout, Duration mediaTimeout,
                       boolean trustProxyByAddress) {
        this(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval, maxMessageSize,
                digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ringTimeout, ackTimeout, mediaTimeout,
                trustProxyByAddress, Optional.empty(), Optional.empty());
    }

    /** The same settings, our TLS listener presenting this certificate and key (both empty: none). */
    public SipSettings withListenerIdentity(Optional<Path> certificate, Optional<Path> key) {
        return new SipSettings(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval,
                maxMessageSize, digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ringTimeout, ackTimeout,
                mediaTimeout, trustProxyByAddress, certificate, key);
    }

    /** Settings that trust no P-Asserted-Identity by source address alone. */
    public SipSettings(String displayName, String userAgent, String localAddress, int localPort,
                       Duration registerExpires, Duration keepaliveInterval, int maxMessageSize,
                       List<String> digestAlgorithms, Duration requestTimeout, boolean sendCallInfo,
                       String trustedProxy, Duration ringTimeout, Duration ackTimeout, Duration mediaTimeout) {
        this(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval, maxMessageSize,
                digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ringTimeout, ackTimeout, mediaTimeout,
                false);
    }

    /** The same settings, believing (or not) the trusted proxy by source address over UDP and TCP. */
    public SipSettings withTrustProxyByAddress(boolean value) {
        return new SipSettings(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval,
                maxMessageSize, digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ringTimeout, ackTimeout,
                mediaTimeout, value, listenerCertificate, listenerKey);
    }

    /** Default ring timeout (sip.call.ring-timeout). */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(60);
    /** Default ACK wait (sip.call.ack-timeout): Timer H = 64 × T1 (RFC 3261 §17.2.1). */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(32);
    /** Default media inactivity limit (sip.call.media-timeout). */
    public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(30);

    /** Settings with the default media timeout. */
    public SipSettings(String displayName, String userAgent, String localAddress, int localPort,
                       Duration registerExpires, Duration keepaliveInterval, int maxMessageSize,
                       List<String> digestAlgorithms, Duration requestTimeout, boolean sendCallInfo,
                       String trustedProxy, Duration ringTimeout, Duration ackTimeout) {
        this(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval, maxMessageSize,
                digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ringTimeout, ackTimeout,
                DEFAULT_MEDIA_TIMEOUT);
    }

    /** Settings trusting P-Asserted-Identity from the configured proxy only, with the default call timeouts. */
    public SipSettings(String displayName, String userAgent, String localAddress, int localPort,
                       Duration registerExpires, Duration keepaliveInterval, int maxMessageSize,
                       List<String> digestAlgorithms, Duration requestTimeout, boolean sendCallInfo) {
        this(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval, maxMessageSize,
                digestAlgorithms, requestTimeout, sendCallInfo, "", DEFAULT_RING_TIMEOUT, DEFAULT_ACK_TIMEOUT);
    }

    /** Settings with the default call timeouts. */
    public SipSettings(String displayName, String userAgent, String localAddress, int localPort,
                       Duration registerExpires, Duration keepaliveInterval, int maxMessageSize,
                       List<String> digestAlgorithms, Duration requestTimeout, boolean sendCallInfo,
                       String trustedProxy) {
        this(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval, maxMessageSize,
                digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, DEFAULT_RING_TIMEOUT,
                DEFAULT_ACK_TIMEOUT);
    }

    /** The same settings with other call timeouts. */
    public SipSettings withCallTimeouts(Duration ring, Duration ack) {
        return new SipSettings(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval,
                maxMessageSize, digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ring, ack, mediaTimeout,
                trustProxyByAddress, listenerCertificate, listenerKey);
    }

    /** The same settings with another media timeout (zero = off). */
    public SipSettings withMediaTimeout(Duration media) {
        return new SipSettings(displayName, userAgent, localAddress, localPort, registerExpires, keepaliveInterval,
                maxMessageSize, digestAlgorithms, requestTimeout, sendCallInfo, trustedProxy, ringTimeout, ackTimeout,
                media, trustProxyByAddress, listenerCertificate, listenerKey);
    }

    /** Algorithms we know how to compute, in our default preference order. */
    public static final List<String> KNOWN_DIGEST_ALGORITHMS = List.of("SHA-256", "MD5");

    public SipSettings {
        displayName = displayName == null ? "" : displayName;
        localAddress = localAddress == null ? "" : localAddress.trim();
        if (localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("sip.local.port " + localPort + " is outside 0..65535");
        }
        if (registerExpires.toSeconds() < 60) {
            throw new IllegalArgumentException("sip.register.expires must be at least 60 seconds");
        }
        if (keepaliveInterval.isNegative() || keepaliveInterval.isZero()) {
            throw new IllegalArgumentException("sip.keepalive.interval must be positive");
        }
        if (maxMessageSize < 1500) {
            throw new IllegalArgumentException("sip.max-message-size must be at least 1500 bytes");
        }
        trustedProxy = trustedProxy == null ? "" : trustedProxy.strip();
        listenerCertificate = listenerCertificate == null ? Optional.empty() : listenerCertificate;
        listenerKey = listenerKey == null ? Optional.empty() : listenerKey;
        if (listenerCertificate.isPresent() != listenerKey.isPresent()) {
            throw new IllegalArgumentException("sip.tls.listener-certificate and sip.tls.listener-key are set together"
                    + " or not at all");
        }
        ringTimeout = ringTimeout == null ? DEFAULT_RING_TIMEOUT : ringTimeout;
        ackTimeout = ackTimeout == null ? DEFAULT_ACK_TIMEOUT : ackTimeout;
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("sip.call.ring-timeout must be positive");
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("sip.call.ack-timeout must be positive");
        }
        mediaTimeout = mediaTimeout == null ? DEFAULT_MEDIA_TIMEOUT : mediaTimeout;
        if (mediaTimeout.isNegative()) {
            throw new IllegalArgumentException("sip.call.media-timeout must be zero (off) or positive");
        }
        digestAlgorithms = digestAlgorithms.stream().map(a -> a.trim().toUpperCase(Locale.ROOT)).toList();
        if (digestAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("sip.digest.algorithms is empty");
        }
        for (String a : digestAlgorithms) {
            if (!KNOWN_DIGEST_ALGORITHMS.contains(a)) {
                throw new IllegalArgumentException("unknown digest algorithm '" + a + "' (known: "
                        + KNOWN_DIGEST_ALGORITHMS + ")");
            }
        }
    }

    public static SipSettings defaults() {
        return new SipSettings("", "cusax/0.1", "", 0, Duration.ofSeconds(600), Duration.ofSeconds(30),
                65536, KNOWN_DIGEST_ALGORITHMS, Duration.ofSeconds(32), true);
    }
}
