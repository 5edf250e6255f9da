package org.cusax.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.cusax.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/** RFC 4566 parsing of real offers and the RFC 3264 §10 examples; every malformed body is an SdpParseException. */
class SdpParserTest {

    @Test
    void parsesBaresipBestEffortSrtpOffer() throws Exception {
        SessionDescription sd = SdpParser.parse(RealWorldSdp.BARESIP_SRTP_OPTIONAL);
        assertThat(sd.origin()).isEqualTo(new Origin("-", "1833820621", "500905837", "127.0.0.1"));
        MediaDescription m = sd.audio().orElseThrow();
        assertThat(m.port()).isEqualTo(10054);
        assertThat(m.protocol()).isEqualTo("RTP/AVP");
        assertThat(m.address()).isEqualTo("127.0.0.1");
        assertThat(m.formats()).containsExactly("0", "8", "96", "101");
        assertThat(m.codecs()).extracting(PayloadFormat::rtpmap).containsExactly("PCMU/8000", "PCMA/8000", "opus/48000/2");
        assertThat(m.codecs().get(2).fmtp()).isEqualTo("stereo=1;sprop-stereo=1");
        assertThat(m.dtmfPayloadType()).contains(101);
        assertThat(m.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(m.ptime()).isEqualTo(20);
        assertThat(m.rtcpMux()).isFalse();
        assertThat(m.crypto()).singleElement().satisfies(c -> {
            assertThat(c.tag()).isEqualTo(1);
            assertThat(c.profile()).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
            assertThat(c.usableKey()).isPresent();
        });
    }

    @Test
    void parsesBaresipMandatorySrtpWithRtcpMux() throws Exception {
        MediaDescription m = SdpParser.parse(RealWorldSdp.BARESIP_SRTP_MANDATORY).audio().orElseThrow();
        assertThat(m.isSavp()).isTrue();
        assertThat(m.rtcpMux()).isTrue();
        assertThat(m.codecs()).containsExactly(PayloadFormat.PCMA);
    }

    @Test
    void parsesSippOffersIncludingLfLineEnds() throws Exception {
        MediaDescription uac = SdpParser.parse(RealWorldSdp.SIPP_UAC).audio().orElseThrow();
        assertThat(uac.codecs()).containsExactly(PayloadFormat.PCMU);
        assertThat(uac.dtmfPayloadType()).isEmpty();
        MediaDescription pcap = SdpParser.parse(RealWorldSdp.SIPP_UAC_PCAP).audio().orElseThrow();
        assertThat(pcap.codecs()).containsExactly(PayloadFormat.PCMA);
        assertThat(pcap.telephoneEvents()).singleElement().satisfies(f -> assertThat(f.fmtp()).isEqualTo("0-11,16"));
    }

    @Test
    void parsesTheRfc3264Examples() throws Exception {
        SessionDescription offer = SdpParser.parse(RealWorldSdp.RFC3264_OFFER);
        assertThat(offer.sessionName()).isEqualTo("-");
        assertThat(offer.media()).extracting(MediaDescription::media).containsExactly("audio", "video");
        assertThat(offer.media().get(0).address()).isEqualTo("host.atlanta.example.com");
        assertThat(offer.media().get(0).payloadFormats()).extracting(PayloadFormat::encodingName)
                .containsExactly("PCMU", "PCMA", "iLBC");
        SessionDescription answer = SdpParser.parse(RealWorldSdp.RFC3264_ANSWER);
        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(49920, 0, 53000);
        assertThat(answer.media().get(1).isRejected()).isTrue();
    }

    @Test
    void mediaLevelConnectionAndDirectionOverrideSessionLevel() throws Exception {
        SessionDescription sd = SdpParser.parse(String.join("\r\n", "v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-",
                "c=IN IP4 127.0.0.1", "t=0 0", "a=sendonly", "m=audio 4000 RTP/AVP 0", "c=IN IP4 127.0.0.2/127",
                "m=audio 4002 RTP/AVP 8", "a=inactive", "m=audio 4004 RTP/AVP 0", "c=IN IP6 ::1", ""));
        assertThat(sd.media()).extracting(MediaDescription::address).containsExactly("127.0.0.2", "127.0.0.1", "::1");
        assertThat(sd.media()).extracting(MediaDescription::direction)
                .containsExactly(Direction.SENDONLY, Direction.INACTIVE, Direction.SENDONLY);
    }

    @Test
    void writerOutputParsesBackToTheSameModel() throws Exception {
        SessionDescription sd = SdpParser.parse(RealWorldSdp.BARESIP_SRTP_MANDATORY);
        String text = sd.toSdp();
        assertThat(text).contains("\r\nm=audio 10008 RTP/SAVP 8 101\r\n").contains("a=rtcp-mux\r\n")
                .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:xYwg5t8T37pYpt1XCGoqejQBXXiLmQGkpTlq3P7K\r\n");
        assertThat(SdpParser.parse(text)).isEqualTo(sd);
    }

    @Test
    void malformedBodiesNameTheProblem() {
        assertError(null, "empty");
        assertError("  \r\n", "empty");
        assertError("garbage", "line 1");
        assertError("o=- 1 1 IN IP4 127.0.0.1\r\n", "must be v=0");
        assertError("v=0\r\ns=-\r\n", "no o= line");
        assertError("v=0\r\no=- 1 1 IN IP4\r\n", "line 2: o=");
        assertError(body("c=IN IP4", "m=audio 4000 RTP/AVP 0"), "c= needs");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio abc RTP/AVP 0"), "m= port 'abc'");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 70000 RTP/AVP 0"), "above 65535");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP"), "m= needs");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP 200"), "above 127");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP x"), "payload type 'x'");
        assertError(body("m=audio 4000 RTP/AVP 0"), "no connection address");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP 96", "a=rtpmap:96 opus"), "a=rtpmap encoding");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP 96", "a=rtpmap:96"), "a=rtpmap needs");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP 0", "a=ptime:x"), "a=ptime");
        assertError(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/AVP 0", "=x"), "<type>=<value>");
        assertError("v=0\r\n" + "a=x\r\n".repeat(20_000), "exceeds");
    }

    @Test
    void unusableCryptoLinesAreIgnoredNotFatal() throws Exception {
        MediaDescription m = SdpParser.parse(body("c=IN IP4 127.0.0.1", "m=audio 4000 RTP/SAVP 0",
                "a=crypto:x AES_CM_128_HMAC_SHA1_80 inline:AAAA", "a=crypto:2 AES_CM_128_HMAC_SHA1_80",
                "a=crypto:3 F8_128_HMAC_SHA1_80 inline:4P/qDKa7nTMeuMk4Vqms6+m4YN8rw961im6GTsW5")).audio().orElseThrow();
        assertThat(m.crypto()).singleElement().satisfies(c -> assertThat(c.profile()).isEmpty());
    }

    @Test
    void anyTruncationOrMutationGivesSdpParseExceptionOnly() {
        String base = RealWorldSdp.BARESIP_SRTP_OPTIONAL;
        for (int cut = 0; cut <= base.length(); cut++) {
            parseQuietly(base.substring(0, cut));
        }
        Random random = new Random(3);
        String alphabet = "v=o-sc mtaIN P4:/0123456789\r\n";
        for (int i = 0; i < 5000; i++) {
            char[] chars = base.toCharArray();
            for (int k = 0; k < 3; k++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            parseQuietly(new String(chars));
        }
    }

    private static void parseQuietly(String sdp) {
        try {
            SdpParser.parse(sdp);
        } catch (SdpParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static String body(String... lines) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    private static void assertError(String sdp, String fragment) {
        assertThatThrownBy(() -> SdpParser.parse(sdp)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining(fragment);
    }
}
