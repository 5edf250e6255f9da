package org.cusax.media.sdp;

/** SDP bodies as real peers send them (captured from baresip 1.0.0 and sipp 3.x on 127.0.0.1) and RFC examples. */
final class RealWorldSdp {
    private RealWorldSdp() {
    }

    /** baresip with {@code mediaenc=srtp} (best effort): RTP/AVP plus a=crypto, Opus, ssrc/label attributes. */
    static final String BARESIP_SRTP_OPTIONAL = String.join("\r\n",
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

    /** baresip with {@code mediaenc=srtp-mand} and {@code rtcp_mux yes}: RTP/SAVP, PCMA only. */
    static final String BARESIP_SRTP_MANDATORY = String.join("\r\n",
            "v=0",
            "o=- 1295429921 1090548388 IN IP4 127.0.0.1",
            "s=-",
            "c=IN IP4 127.0.0.1",
            "t=0 0",
            "a=tool:baresip 1.0.0",
            "m=audio 10008 RTP/SAVP 8 101",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=sendrecv",
            "a=label:1",
            "a=rtcp-rsize",
            "a=ssrc:3194055895 cname:sip:alice@127.0.0.1:5071",
            "a=rtcp-mux",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:xYwg5t8T37pYpt1XCGoqejQBXXiLmQGkpTlq3P7K",
            "a=minptime:20",
            "a=ptime:20",
            "");

    /** sipp's built-in {@code uac} scenario. */
    static final String SIPP_UAC = String.join("\r\n",
            "v=0",
            "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
            "s=-",
            "c=IN IP4 127.0.0.1",
            "t=0 0",
            "m=audio 6000 RTP/AVP 0",
            "a=rtpmap:0 PCMU/8000",
            "");

    /** sipp's {@code uac_pcap} scenario: PCMA and DTMF, LF line ends as some scenario files have. */
    static final String SIPP_UAC_PCAP = String.join("\n",
            "v=0",
            "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
            "s=-",
            "c=IN IP4 127.0.0.1",
            "t=0 0",
            "m=audio 6000 RTP/AVP 8 101",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-11,16",
            "");

    /** RFC 3264 §10.1 offer (audio and video), host names as written in the RFC. */
    static final String RFC3264_OFFER = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com",
            "s=",
            "c=IN IP4 host.atlanta.example.com",
            "t=0 0",
            "m=audio 49170 RTP/AVP 0 8 97",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:97 iLBC/8000",
            "m=video 51372 RTP/AVP 31 32",
            "a=rtpmap:31 H261/90000",
            "a=rtpmap:32 MPV/90000",
            "");

    /** RFC 3264 §10.1 answer. */
    static final String RFC3264_ANSWER = String.join("\r\n",
            "v=0",
            "o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com",
            "s=",
            "c=IN IP4 host.biloxi.example.com",
            "t=0 0",
            "m=audio 49920 RTP/AVP 0",
            "a=rtpmap:0 PCMU/8000",
            "m=video 0 RTP/AVP 31",
            "m=video 53000 RTP/AVP 32",
            "a=rtpmap:32 MPV/90000",
            "");

    /** The same offer with the host replaced by a literal, for negotiation without DNS. */
    static String literal(String sdp) {
        return sdp.replace("host.atlanta.example.com", "127.0.0.1").replace("host.biloxi.example.com", "127.0.0.1");
    }
}
