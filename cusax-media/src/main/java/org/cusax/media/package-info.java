/**
 * Media for the Telephony half: SDP offer/answer, RTP/RTCP, SRTP, codecs, DTMF, audio sources and sinks.
 *
 * <p>Library verdicts (evaluated before writing any code):
 * <ul>
 *   <li><b>libjitsi</b> ({@code org.jitsi:libjitsi:1.1-50-g6c95bf22}, still published): not used. One 7.4 MB jar carrying
 *       56 native libraries (Opus, PortAudio, PulseAudio, VPX, Speex), FMJ, OSGi and LGPL dependencies,
 *       started through a global {@code LibJitsi.start()} service locator, which this project's one
 *       composition root forbids; its media graph is far more than a two-party audio call needs.</li>
 *   <li><b>jitsi-srtp</b> ({@code org.jitsi:jitsi-srtp:1.1-23-gaf3cd06}, the SRTP part split out of libjitsi, maintained for
 *       jitsi-videobridge): used for SRTP/SRTCP. It runs on Java 17 (it brings jitsi-utils, Kotlin stdlib,
 *       JNA and BouncyCastle, about 15 MB); its JNI OpenSSL accelerator is loaded
 *       when the machine has OpenSSL 1.1/3, otherwise it uses the JDK's own AES and HMAC (pure Java).</li>
 *   <li><b>JAIN-SIP {@code javax.sdp}</b>: not used. Tried on real offers: it accepts garbage as an empty
 *       session, throws {@code StringIndexOutOfBoundsException} on a {@code c=} line without address, prints
 *       stack traces to stderr from inside its parser, and offers a mutable {@code Vector} model with
 *       checked exceptions on every getter; unmaintained since 2018. RFC 4566's line grammar is small, so
 *       {@link org.cusax.media.sdp} has its own immutable model and a strict, clear-error parser.</li>
 *   <li><b>RTP/RTCP, jitter buffer, RFC 4733 DTMF, G.711</b>: written here. No maintained, dependency-light
 *       Java library covers them (jitsi's RTP classes live inside libjitsi or the Kotlin videobridge
 *       pipeline); each is a few hundred lines against a short RFC.</li>
 *   <li><b>Opus</b>: Concentus ({@code io.github.jaredmdobson:concentus:1.0.2}, 2024), a pure-Java port of libopus,
 *       420 KB, no natives, no dependencies; supported as an optional codec.</li>
 * </ul>
 */
package org.cusax.media;
