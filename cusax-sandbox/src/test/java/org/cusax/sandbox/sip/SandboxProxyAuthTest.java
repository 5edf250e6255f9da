package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipUdpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's authentication of out-of-dialog requests from its own users (RFC 3261 §22.3, RFC 8760
 * §2.4), seen by the testbed's independent raw UDP client.
 */
class SandboxProxyAuthTest {
    @TempDir
    static Path dir;
    private static SandboxSip sip;

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir));
        sip.addUser("carol", "carol-pw");
    }

    @AfterAll
    static void stop() {
        if (sip != null) {
            sip.stop();
        }
    }

    private static final String SDP_HEADERS = "Contact: <sip:carol@127.0.0.1:5999>";

    @Test
    @DisplayName("RFC 3261 §22.3: an INVITE from a local user without credentials gets 407 with SHA-256 then MD5")
    void inviteIsChallenged() {
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            SipResponse r = client.request("INVITE", "sip:nobody@sandbox.test", "sip:carol@sandbox.test",
                    "sip:nobody@sandbox.test", List.of(SDP_HEADERS), null, null);
            assertThat(r.status()).isEqualTo(407);
            assertThat(r.headers("Proxy-Authenticate")).hasSize(2);
            assertThat(r.headers("Proxy-Authenticate").get(0)).contains("SHA-256").contains("realm=\"sandbox.test\"");
            assertThat(r.headers("Proxy-Authenticate").get(1)).contains("MD5");
        }
    }

    @Test
    @DisplayName("RFC 3261 §22.3: a wrong password is refused with 403; the right one reaches the location service")
    void wrongAndRightPassword() {
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            SipResponse wrong = client.request("INVITE", "sip:nobody@sandbox.test", "sip:carol@sandbox.test",
                    "sip:nobody@sandbox.test", List.of(SDP_HEADERS), "carol", "guess");
            assertThat(wrong.status()).isEqualTo(403);
            SipResponse right = client.request("INVITE", "sip:nobody@sandbox.test", "sip:carol@sandbox.test",
                    "sip:nobody@sandbox.test", List.of(SDP_HEADERS), "carol", "carol-pw");
            assertThat(right.status()).isEqualTo(404); // authenticated; no such user
        }
    }

    @Test
    @DisplayName("the sandbox never forwards off this machine: a contact outside 127.0.0.0/8 gets 403")
    void noRelayOffTheMachine() {
        sip.addUser("faraway", "far-pw");
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            // 192.0.2.1 is TEST-NET-1 (RFC 5737): the binding is stored, nothing is ever sent there
            assertThat(client.register(sip.domain(), "faraway", "far-pw", "sip:faraway@192.0.2.1:5060", 60).status())
                    .isEqualTo(200);
            SipResponse r = client.request("INVITE", "sip:faraway@sandbox.test", "sip:carol@sandbox.test",
                    "sip:faraway@sandbox.test", List.of(SDP_HEADERS), "carol", "carol-pw");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.reason()).contains("127.0.0.1");
        }
    }
}
