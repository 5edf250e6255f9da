package org.cusax.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.cusax.media.srtp.SrtpKey;
import org.cusax.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/** RFC 3264 offer/answer: §5 offers, §6 answers, §7 completing an offer, §8 session versions; RFC 4568 SDES. */
class SdpNegotiatorTest {
    private static final InetSocketAddress HERE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 20_000);

    private static LocalMedia local() {
        return LocalMedia.defaults(HERE);
    }

    private static Answer answer(LocalMedia local, String offer) throws Exception {
        return new SdpNegotiator(local).createAnswer(SdpParser.parse(offer));
    }

    @Test
    void offerListsCodecsDtmfPtimeDirectionAndCrypto() throws Exception {
        LocalMedia local = local().withSrtp(SrtpMode.MANDATORY).withRtcpMux(true);
        String text = new SdpNegotiator(local).createOffer().toSdp();
        assertThat(text).contains("m=audio 20000 RTP/SAVP 0 8 101\r\n", "c=IN IP4 127.0.0.1\r\n",
                "a=rtpmap:0 PCMU/8000\r\n", "a=rtpmap:8 PCMA/8000\r\n", "a=rtpmap:101 telephone-event/8000\r\n",
                "a=fmtp:101 0-16\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n", "a=rtcp-mux\r\n",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + local.srtpKey().base64() + "\r\n");
        String plain = new SdpNegotiator(local().withSrtp(SrtpMode.DISABLED)).createOffer().toSdp();
        assertThat(plain).contains("RTP/AVP").doesNotContain("a=crypto").doesNotContain("rtcp-mux");
        String best = new SdpNegotiator(local()).createOffer().toSdp();
        assertThat(best).contains("m=audio 20000 RTP/AVP").contains("a=crypto:1 ");
    }

    @Test
    void answersBaresipWithSharedCodecsInTheOfferersOrderAndSrtp() throws Exception {
        LocalMedia local = local();
        Answer a = answer(local, RealWorldSdp.BARESIP_SRTP_OPTIONAL);
        MediaDescription m = a.sdp().audio().orElseThrow();
        assertThat(m.formats()).containsExactly("0", "8", "101");
        assertThat(m.protocol()).isEqualTo("RTP/AVP");
        assertThat(m.crypto()).singleElement().satisfies(c -> {
            assertThat(c.tag()).isEqualTo(1);
            assertThat(c.suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
        });
        NegotiatedMedia media = a.media();
        assertThat(media.sendFormat()).isEqualTo(PayloadFormat.PCMU);
        assertThat(media.dtmf()).hasValueSatisfying(d -> assertThat(d.payloadType()).isEqualTo(101));
        assertThat(media.remoteRtp()).isEqualTo(new InetSocketAddress("127.0.0.1", 10054));
        assertThat(media.remoteRtcp().getPort()).isEqualTo(10055);
        assertThat(media.srtp()).hasValueSatisfying(p -> {
            assertThat(p.remoteKey()).isEqualTo(SrtpKey.fromBase64("4P/qDKa7nTMeuMk4Vqms6+m4YN8rw961im6GTsW5"));
            assertThat(p.localKey()).isEqualTo(local.srtpKey());
            assertThat(m.crypto().get(0).usableKey()).contains(local.srtpKey());
        });
    }

    @Test
    void opusIsChosenWhenBothPreferItAndKeepsTheOfferersPayloadType() throws Exception {
        LocalMedia withOpus = local().withCodecs(List.of(PayloadFormat.opus(111), PayloadFormat.PCMU));
        String offer = RealWorldSdp.BARESIP_SRTP_OPTIONAL.replace("RTP/AVP 0 8 96 101", "RTP/AVP 96 0 8 101");
        Answer a = answer(withOpus, offer);
        assertThat(a.media().sendFormat().payloadType()).isEqualTo(96);
        assertThat(a.media().sendFormat().encodingName()).isEqualTo("opus");
        assertThat(a.sdp().audio().orElseThrow().formats()).containsExactly("96", "0", "101");
    }

    @Test
    void answersMandatorySrtpWithRtcpMux() throws Exception {
        Answer a = answer(local().withRtcpMux(true), RealWorldSdp.BARESIP_SRTP_MANDATORY);
        MediaDescription m = a.sdp().audio().orElseThrow();
        assertThat(m.protocol()).isEqualTo("RTP/SAVP");
        assertThat(m.rtcpMux()).isTrue();
        assertThat(a.media().rtcpMux()).isTrue();
        assertThat(a.media().remoteRtcp()).isEqualTo(a.media().remoteRtp());
        assertThat(a.media().sendFormat()).isEqualTo(PayloadFormat.PCMA);
        assertThat(a.media().isSecure()).isTrue();
    }

    @Test
    void answersSippPlainWithoutDtmf() throws Exception {
        Answer a = answer(local().withSrtp(SrtpMode.OPTIONAL), RealWorldSdp.SIPP_UAC);
        assertThat(a.sdp().audio().orElseThrow().formats()).containsExactly("0");
        assertThat(a.sdp().audio().orElseThrow().crypto()).isEmpty();
        assertThat(a.media().dtmf()).isEmpty();
        assertThat(a.media().isSecure()).isFalse();
    }

    @Test
    void rfc3264ExampleAudioAcceptedVideoRejected() throws Exception {
        Answer a = answer(local(), RealWorldSdp.literal(RealWorldSdp.RFC3264_OFFER));
        List<MediaDescription> m = a.sdp().media();
        assertThat(m).hasSize(2);
        assertThat(m.get(0).formats()).containsExactly("0", "8");
        assertThat(m.get(1).port()).isZero();
        assertThat(m.get(1).formats()).containsExactly("31", "32");
        String text = a.sdp().toSdp();
        assertThat(text).contains("m=video 0 RTP/AVP 31 32\r\n");
        assertThat(SdpParser.parse(text).media()).hasSize(2);
    }

    @Test
    void directionIsMirrored() throws Exception {
        for (Direction offered : Direction.values()) {
            String offer = RealWorldSdp.SIPP_UAC + "a=" + offered.attribute() + "\r\n";
            Answer a = answer(local(), offer);
            assertThat(a.sdp().audio().orElseThrow().direction()).as("answer to " + offered).isEqualTo(offered.mirror());
            assertThat(a.media().direction()).isEqualTo(offered.mirror());
        }
        Answer onHoldHere = answer(local().withDirection(Direction.SENDONLY), RealWorldSdp.SIPP_UAC);
        assertThat(onHoldHere.sdp().audio().orElseThrow().direction()).isEqualTo(Direction.SENDONLY);
        Answer oldHold = answer(local(), RealWorldSdp.SIPP_UAC.replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0"));
        assertThat(oldHold.media().direction().sends()).as("RFC 2543 hold address").isFalse();
    }

    @Test
    void unacceptableOffersAreNegotiationErrors() {
        assertThatThrownBy(() -> answer(local(), RealWorldSdp.SIPP_UAC.replace("RTP/AVP 0", "RTP/AVP 18")
                .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:18 G729/8000"))).isInstanceOf(SdpNegotiationException.class)
                .hasMessageContaining("no common codec");
        assertThatThrownBy(() -> answer(local().withSrtp(SrtpMode.MANDATORY), RealWorldSdp.SIPP_UAC))
                .hasMessageContaining("SRTP is required");
        assertThatThrownBy(() -> answer(local().withSrtp(SrtpMode.DISABLED), RealWorldSdp.BARESIP_SRTP_MANDATORY))
                .hasMessageContaining("SRTP, which is disabled");
        assertThatThrownBy(() -> answer(local(), RealWorldSdp.SIPP_UAC.replace("m=audio 6000", "m=audio 0")))
                .hasMessageContaining("no audio stream");
        assertThatThrownBy(() -> answer(local(), RealWorldSdp.SIPP_UAC.replace("RTP/AVP", "UDP/TLS/RTP/SAVPF")))
                .hasMessageContaining("not supported");
    }

    @Test
    void offererCompletesWithTheAnswer() throws Exception {
        SdpNegotiator offerer = new SdpNegotiator(local().withSrtp(SrtpMode.MANDATORY));
        SdpNegotiator answerer = new SdpNegotiator(LocalMedia.defaults(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 30_000)).withCodecs(List.of(PayloadFormat.PCMA)).withDirection(
                Direction.RECVONLY));
        Answer a = answerer.createAnswer(SdpParser.parse(offerer.createOffer().toSdp()));
        NegotiatedMedia m = offerer.acceptAnswer(SdpParser.parse(a.sdp().toSdp()));
        assertThat(m.sendFormat()).isEqualTo(PayloadFormat.PCMA);
        assertThat(m.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(m.remoteRtp().getPort()).isEqualTo(30_000);
        assertThat(m.srtp()).hasValueSatisfying(p -> {
            assertThat(p.profile()).isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
            assertThat(p.remoteKey()).isEqualTo(answerer.local().srtpKey());
            assertThat(p.localKey()).isEqualTo(offerer.local().srtpKey());
        });
        assertThat(a.media().srtp().orElseThrow().remoteKey()).isEqualTo(offerer.local().srtpKey());
        assertThatThrownBy(() -> offerer.acceptAnswer(a.sdp())).hasMessageContaining("no offer");
    }

    @Test
    void badAnswersAreRefused() throws Exception {
        SdpNegotiator offerer = new SdpNegotiator(local().withSrtp(SrtpMode.MANDATORY));
        offerer.createOffer();
        String rejected = RealWorldSdp.SIPP_UAC.replace("m=audio 6000 RTP/AVP 0", "m=audio 0 RTP/SAVP 0");
        assertThatThrownBy(() -> offerer.acceptAnswer(SdpParser.parse(rejected))).hasMessageContaining("rejected");
        String noCrypto = RealWorldSdp.SIPP_UAC.replace("RTP/AVP", "RTP/SAVP");
        assertThatThrownBy(() -> offerer.acceptAnswer(SdpParser.parse(noCrypto))).hasMessageContaining("a=crypto");
        String plain = RealWorldSdp.SIPP_UAC;
        assertThatThrownBy(() -> offerer.acceptAnswer(SdpParser.parse(plain))).hasMessageContaining("transport");
        SdpNegotiator plainOfferer = new SdpNegotiator(local().withSrtp(SrtpMode.DISABLED)
                .withCodecs(List.of(PayloadFormat.PCMA)));
        plainOfferer.createOffer();
        assertThatThrownBy(() -> plainOfferer.acceptAnswer(SdpParser.parse(plain))).hasMessageContaining("none of the codecs");
    }

    @Test
    void sessionVersionGrowsOnlyWhenTheBodyChanges() throws Exception {
        SdpNegotiator n = new SdpNegotiator(local());
        Origin first = n.createOffer().origin();
        Origin same = n.createOffer().origin();
        n.setDirection(Direction.SENDONLY);
        SessionDescription hold = n.createOffer();
        assertThat(same).isEqualTo(first);
        assertThat(hold.origin().sessionId()).isEqualTo(first.sessionId());
        assertThat(Long.parseLong(hold.origin().sessionVersion())).isEqualTo(Long.parseLong(first.sessionVersion()) + 1);
        assertThat(hold.audio().orElseThrow().direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void localMediaRejectsWhatCannotBeOffered() {
        assertThatThrownBy(() -> LocalMedia.defaults(new InetSocketAddress(0))).hasMessageContaining("concrete");
        assertThatThrownBy(() -> LocalMedia.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
                .hasMessageContaining("port 0");
        assertThatThrownBy(() -> local().withCodecs(List.of(PayloadFormat.telephoneEvent(101, 8000))))
                .hasMessageContaining("audio codec");
    }
}
