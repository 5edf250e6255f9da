package org.cusax.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.service.Half;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7081 §7: the halves (and a call's media) compared under each security.profile. */
class SecurityGuardTest {
    private static final ChannelSecurity XMPP_TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256",
            "cusax.test", "SCRAM-SHA-1");

    private static Optional<HalfProtection> chatTls() {
        return Optional.of(new HalfProtection(Half.CHAT, "XMPP", XMPP_TLS));
    }

    private static Optional<HalfProtection> sip(String transport) {
        ChannelSecurity security = transport.equals("TLS")
                ? ChannelSecurity.tls("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "cusax.test",
                        "digest SHA-256")
                : ChannelSecurity.plain("digest SHA-256");
        return Optional.of(new HalfProtection(Half.TELEPHONY, "SIP over " + transport, security));
    }

    @ParameterizedTest(name = "XMPP TLS + SIP over {0}, profile {1} -> {2}")
    @CsvSource({
            "TLS, matched, EQUAL",
            "TCP, matched, MISMATCH_REFUSED",
            "UDP, matched, MISMATCH_REFUSED",
            "TLS, warn,    EQUAL",
            "TCP, warn,    MISMATCH_WARNED",
            "UDP, warn,    MISMATCH_WARNED",
            "TLS, off,     NOT_COMPARED",
            "TCP, off,     NOT_COMPARED",
            "UDP, off,     NOT_COMPARED"})
    void halvesMatrix(String sipTransport, String profile, GuardVerdict expected) {
        GuardDecision d = new SecurityGuard(SecurityProfile.parse(profile)).compare(chatTls(), sip(sipTransport));
        assertThat(d.verdict()).isEqualTo(expected);
        assertThat(d.profile().configValue()).isEqualTo(profile);
        boolean differ = expected == GuardVerdict.MISMATCH_REFUSED || expected == GuardVerdict.MISMATCH_WARNED;
        assertThat(d.matched()).isEqualTo(!differ);
        assertThat(d.weaker()).isEqualTo(differ ? Optional.of(Half.TELEPHONY) : Optional.empty());
        assertThat(d.refused()).isEqualTo(expected == GuardVerdict.MISMATCH_REFUSED
                ? Optional.of(Half.TELEPHONY) : Optional.empty());
        assertThat(d.remedy().isPresent()).isEqualTo(differ);
    }

    @Test
    void theRefusalSaysWhyAndHowToRaiseTheWeakerHalf() {
        GuardDecision d = new SecurityGuard(SecurityProfile.MATCHED).compare(chatTls(), sip("UDP"));
        assertThat(d.fullText())
                .startsWith("Telephony uses SIP over UDP (unencrypted, digest SHA-256) while Chat uses XMPP "
                        + "(TLSv1.3, certificate verified for cusax.test, SCRAM-SHA-1); Telephony is kept offline")
                .contains("set sip.transport = tls")
                .contains("or set security.profile = warn");
    }

    @Test
    void theWarningSaysTheWeakerHalfRunsAnyway() {
        GuardDecision d = new SecurityGuard(SecurityProfile.WARN).compare(chatTls(), sip("TCP"));
        assertThat(d.explanation()).contains("SIP over TCP").contains("Telephony runs anyway (security.profile = warn)");
        assertThat(d.remedy()).get().asString().contains("set sip.transport = tls").doesNotContain("profile");
    }

    @Test
    void aWeakerChatIsTheOneKeptDown() {
        Optional<HalfProtection> plainChat = Optional.of(new HalfProtection(Half.CHAT, "XMPP",
                ChannelSecurity.plain("SCRAM-SHA-1")));
        GuardDecision d = new SecurityGuard(SecurityProfile.MATCHED).compare(plainChat, sip("TLS"));
        assertThat(d.refused()).contains(Half.CHAT);
        assertThat(d.remedy()).get().asString().contains("STARTTLS");
    }

    @Test
    void tlsWithoutAVerifiedCertificateIsBelowVerifiedTls() {
        Optional<HalfProtection> unverified = Optional.of(new HalfProtection(Half.TELEPHONY, "SIP over TLS",
                ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", null, "digest SHA-256")));
        GuardDecision d = new SecurityGuard(SecurityProfile.MATCHED).compare(chatTls(), unverified);
        assertThat(d.refused()).contains(Half.TELEPHONY);
        assertThat(d.remedy()).get().asString().contains("certificate for the service domain");
    }

    @Test
    void tlsVersionsAndAuthenticationMechanismsAboveTheMinimumRankAlike() {
        Optional<HalfProtection> tls12 = Optional.of(new HalfProtection(Half.TELEPHONY, "SIP over TLS",
                ChannelSecurity.tls("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "cusax.test", "digest MD5")));
        GuardDecision d = new SecurityGuard(SecurityProfile.MATCHED).compare(chatTls(), tls12);
        assertThat(d.verdict()).isEqualTo(GuardVerdict.EQUAL);
    }

    @Test
    void withOneHalfOfflineThereIsNothingToCompare() {
        for (SecurityProfile p : new SecurityProfile[] {SecurityProfile.MATCHED, SecurityProfile.WARN}) {
            GuardDecision d = new SecurityGuard(p).compare(chatTls(), Optional.empty());
            assertThat(d.verdict()).isEqualTo(GuardVerdict.ONE_HALF);
            assertThat(d.refused()).isEmpty();
        }
    }

    @ParameterizedTest(name = "signalling TLS={0}, SRTP={1}, profile {2} -> allowed={3}, warning={4}")
    @CsvSource({
            "true,  true,  matched, true,  false",
            "true,  false, matched, false, false",
            "false, true,  matched, true,  false",
            "false, false, matched, true,  false",
            "true,  true,  warn,    true,  false",
            "true,  false, warn,    true,  true",
            "false, true,  warn,    true,  false",
            "false, false, warn,    true,  false",
            "true,  true,  off,     true,  false",
            "true,  false, off,     true,  false",
            "false, true,  off,     true,  false",
            "false, false, off,     true,  false"})
    void mediaMatrix(boolean signallingTls, boolean srtp, String profile, boolean allowed, boolean warning) {
        MediaDecision d = new SecurityGuard(SecurityProfile.parse(profile)).checkMedia(signallingTls, srtp);
        assertThat(d.allowed()).isEqualTo(allowed);
        assertThat(d.warning()).isEqualTo(warning);
        assertThat(d.explanation()).isNotBlank();
    }

    @Test
    void plainRtpUnderTlsSignallingIsRefusedWithTheReason() {
        MediaDecision d = new SecurityGuard(SecurityProfile.MATCHED).checkMedia(true, false);
        assertThat(d.explanation()).contains("plain RTP while its signalling uses TLS").contains("SRTP")
                .contains("security.profile = warn");
    }

    @ParameterizedTest(name = "profile {0}, SIP over TLS {1} -> SRTP required {2}")
    @CsvSource({
            "matched, true,  true",
            "matched, false, false",
            "warn,    true,  false",
            "warn,    false, false",
            "off,     true,  false",
            "off,     false, false"})
    void srtpIsDemandedUpFrontOnlyWhereMatchedWouldRefusePlainRtp(String profile, boolean signallingTls,
                                                                  boolean required) {
        SecurityGuard guard = new SecurityGuard(SecurityProfile.parse(profile));
        assertThat(guard.srtpRequired(signallingTls)).isEqualTo(required);
        assertThat(guard.checkMedia(signallingTls, false).allowed()).isEqualTo(!required);
    }

    @Test
    void theDecisionSaysWhichProtectionTheMediaHas() {
        MediaDecision d = new SecurityGuard(SecurityProfile.WARN).checkMedia(true, false);
        assertThat(d.protection()).isEqualTo("RTP");
        assertThat(d.signallingEncrypted()).isTrue();
        assertThat(d.explanation()).contains("runs anyway (security.profile = warn)");
        assertThat(new SecurityGuard(SecurityProfile.OFF).checkMedia(true, true).protection()).isEqualTo("SRTP");
    }

    @Test
    void anUnknownProfileIsAClearError() {
        assertThatThrownBy(() -> SecurityProfile.parse("strict"))
                .hasMessage("'strict' is not one of matched, warn, off");
        assertThat(SecurityProfile.parse(" Matched ")).isEqualTo(SecurityProfile.MATCHED);
    }
}
