/**
 * SRTP/SRTCP (RFC 3711) with SDES keys (RFC 4568) through jitsi-srtp, which uses its JNI OpenSSL accelerator
 * where it loads and the JDK's AES/HMAC otherwise (same bytes; checked against libsrtp's reference packet).
 * If JNA cannot load at all (e.g. a noexec temp directory) jitsi-srtp cannot start: that is an {@link SrtpException}.
 */
package org.cusax.media.srtp;
