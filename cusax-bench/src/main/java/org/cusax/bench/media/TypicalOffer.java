package org.cusax.bench.media;

/** An SDP offer as a softphone sends it (baresip 1.0.0 with optional SRTP, captured on 127.0.0.1). */
final class TypicalOffer {
    static final String BARESIP = String.join("\r\n",
            "v=0",
            "o=- 1833820621 500905837 IN IP4 127.0.0.1",
            "s=-",
            "c=IN IP4 127.0.0.1",
            "t=0 0",
            "a=tool:baresip 1.0.0",
            "m=audio 10054 RTP/AVP 0 8 96 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:96 opus/48000/2",
            "a=fmtp:96 stereo=1;sprop-stereo=1",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=sendrecv",
            "a=label:1",
            "a=rtcp-rsize",
            "a=ssrc:994189290 cname:sip:alice@127.0.0.1:5071",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:4P/qDKa7nTMeuMk4Vqms6+m4YN8rw961im6GTsW5",
            "a=minptime:20",
            "a=ptime:20",
            "");

    private TypicalOffer() {
    }
}
