package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipUdpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3325 §5: the proxy is the edge of the trust domain, as the production Kamailio is
 * ({@code deploy/kamailio/kamailio.cfg}): an asserted identity from a caller never passes, and an
 * authenticated caller of the domain gets one naming it. Seen by a raw UDP callee that answers 486.
 */
class SandboxAssertedIdentityTest {
    @TempDir
    static Path dir;
    private static SandboxSip sip;

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir));
        sip.addUser("carol", "carol-pw");
        sip.addUser("dave", "dave-pw");
    }

    @AfterAll
    static void stop() {
        if (sip != null) {
            sip.stop();
        }
    }

    @Test
    @DisplayName("RFC 3325 §5: P-Asserted-Identity and P-Preferred-Identity from an outside caller are removed")
    void outsideCallersAssertionIsRemoved() throws Exception {
        String forwarded = inviteSeenByDave("sip:+33987654321@pstn.example", null, null);
        assertThat(headerLines(forwarded, "p-asserted-identity")).isEmpty();
        assertThat(headerLines(forwarded, "p-preferred-identity")).isEmpty();
    }

    @Test
    @DisplayName("RFC 3325 §5: an authenticated caller of the domain gets exactly one P-Asserted-Identity naming it")
    void authenticatedCallerIsAsserted() throws Exception {
        String forwarded = inviteSeenByDave("sip:carol@sandbox.test", "carol", "carol-pw");
        assertThat(headerLines(forwarded, "p-asserted-identity")).singleElement()
                .satisfies(h -> assertThat(h).endsWith("<sip:carol@sandbox.test>"));
        assertThat(headerLines(forwarded, "p-preferred-identity")).isEmpty();
    }

    /** Dave registers a raw UDP socket; the caller INVITEs him with forged identities; dave answers 486. */
    private static String inviteSeenByDave(String from, String user, String password) throws Exception {
        try (DatagramSocket dave = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             SipUdpClient registrar = new SipUdpClient("127.0.0.1", sip.udpPort());
             SipUdpClient caller = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            assertThat(registrar.register("sandbox.test", "dave", "dave-pw",
                    "sip:dave@127.0.0.1:" + dave.getLocalPort(), 60).status()).isEqualTo(200);
            dave.setSoTimeout(10_000);
            CompletableFuture<SipResponse> call = CompletableFuture.supplyAsync(() -> caller.request("INVITE",
                    "sip:dave@sandbox.test", from, "sip:dave@sandbox.test",
                    List.of("Contact: <sip:caller@127.0.0.1:" + caller.localPort() + ">",
                            "P-Asserted-Identity: <tel:+33612345678>",
                            "P-Preferred-Identity: <sip:boss@sandbox.test>"), user, password));
            String invite = receiveInvite(dave);
            assertThat(call.get(15, TimeUnit.SECONDS).status()).isEqualTo(486);
            return invite;
        }
    }

    private static String receiveInvite(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (!msg.startsWith("INVITE ")) {
                continue; // e.g. a retransmission's ACK
            }
            String reply = "SIP/2.0 486 Busy Here\r\n"
                    + String.join("\r\n", headerLines(msg, "via")) + "\r\n"
                    + headerLines(msg, "from").get(0) + "\r\n"
                    + headerLines(msg, "to").get(0) + ";tag=dave1\r\n"
                    + headerLines(msg, "call-id").get(0) + "\r\n"
                    + headerLines(msg, "cseq").get(0) + "\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            return msg;
        }
    }

    private static List<String> headerLines(String message, String name) {
        List<String> found = new ArrayList<>();
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                found.add(line);
            }
        }
        return found;
    }
}
