package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3261 §19.1.4 "URI Comparison": the RFC's own examples of equivalent and non-equivalent URIs. */
class SipUriComparisonTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com | sip:carol@chicago.com;security=on",
        "sip:carol@chicago.com;newparam=5 | sip:carol@chicago.com;security=on",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"
            + " | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent"
            + " | sip:alice@atlanta.com?priority=urgent&subject=project%20x",
        "sip:carol@chicago.com | sip:carol@chicago.com;security=off",
    })
    void equivalent(String a, String b) {
        assertThat(SipUriComparison.equivalent(a, b)).isTrue();
        assertThat(SipUriComparison.equivalent(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
        // different usernames
        "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
        // can resolve to different ports
        "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
        // can resolve to different transports
        "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp",
        // can resolve to different port and transports
        "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp",
        // different header component
        "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
        // even though that's what phone21.boxesbybob.com resolves to
        "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        // equivalence is not transitive
        "sip:carol@chicago.com;security=on | sip:carol@chicago.com;security=off",
        // a SIP and a SIPS URI are never equivalent
        "sip:bob@biloxi.com | sips:bob@biloxi.com",
        // user, ttl, method, maddr in only one URI never match
        "sip:bob@biloxi.com | sip:bob@biloxi.com;user=ip",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;maddr=239.255.255.1",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;ttl=15",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;method=INVITE",
        // passwords are part of the userinfo, compared case-sensitively
        "sip:bob:a@biloxi.com | sip:bob:A@biloxi.com",
        // not a SIP URI at all
        "sip:bob@biloxi.com | tel:+33612345678",
    })
    void notEquivalent(String a, String b) {
        assertThat(SipUriComparison.equivalent(a, b)).isFalse();
        assertThat(SipUriComparison.equivalent(b, a)).isFalse();
    }
}
