package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallerClaims;
import org.cusax.sip.testing.CallPair;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 3325 §4 against a real Kamailio, which asserts the identity of the callers it authenticated: the callee
 * believes that P-Asserted-Identity over TLS (on its own connection to the proxy, certificate verified for the
 * domain, RFC 5922), and over UDP or TCP only when {@code sip.trusted-proxy.by-address} says the source
 * address is enough.
 */
class KamailioAssertedIdentityTest {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false));

    private CallPair peers;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @ParameterizedTest(name = "SIP over {0}, by-address {1} -> believed {2}")
    @CsvSource({"TLS, false, true", "UDP, false, false", "TCP, false, false", "UDP, true, true"})
    void theAssertedIdentityIsBelievedOnlyOverAnAuthenticatedConnection(Transport transport, boolean byAddress,
                                                                         boolean believed) throws Exception {
        peers = KamailioPeers.pair(TB.testbed(), transport, KamailioPeers.settings(),
                KamailioPeers.settings().withTrustProxyByAddress(byAddress));
        peers.call(AudioPlan.silent());
        peers.bobSees.await("incoming", KamailioPeers.WAIT);
        CallerClaims caller = peers.bobSees.claims.get(0);
        assertThat(caller.assertedIdentities()).as("Kamailio asserts its authenticated caller").isNotEmpty();
        assertThat(caller.assertedIdentities().get(0)).containsIgnoringCase("sip:alice");
        assertThat(caller.fromTrustedProxy()).as("%s", caller).isEqualTo(believed);
    }
}
