/** Media for the Telephony half: SDP, RTP, SRTP, codecs, DTMF, audio sources and sinks. */
package org.cusax.media;
