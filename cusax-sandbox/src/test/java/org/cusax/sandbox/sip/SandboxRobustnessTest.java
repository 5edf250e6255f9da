package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipUdpClient;
import org.cusax.testbed.sip.Sipp;
import org.cusax.testbed.sip.SippUa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox (offering MD5 only: sipp reads just the first challenge) with third-party and hostile
 * peers: sipp registers with MD5 digest and is called by a
 * sipp UAC through the proxy (sipp ignores Record-Route, so ACK and BYE reach the proxy by address);
 * a sipp caller that follows Record-Route sends INFO, UPDATE, a re-INVITE and BYE in the dialog;
 * malformed datagrams and stream garbage (RFC 3261 §16.3: a request that fails validation is
 * dropped or answered 400) leave the proxy serving.
 */
class SandboxRobustnessTest {
    @TempDir
    static Path dir;
    private static SandboxSip sip;

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir).withDigestAlgorithms(List.of("MD5")));
    }

    @AfterAll
    static void stop() {
        if (sip != null) {
            sip.stop();
        }
    }

    @Test
    @DisplayName("RFC 3261 §10 + §16: sipp registers (MD5 digest) and a sipp UAC's call through the proxy completes")
    void sippRegistersAndIsCalled() {
        sip.addUser("sippbob", "sipp-pw");
        Sipp sipp = new Sipp(dir.resolve("sipp"), sip.host(), sip.udpPort(), sip.domain());
        try (SippUa ua = sipp.answeringUa("sippbob")) {
            Command.Result reg = sipp.register("sippbob", "sipp-pw", ua.port(), 120);
            assertThat(reg.exitCode()).as(reg.output()).isZero();
            assertThat(sip.contactsOf("sippbob")).singleElement()
                    .satisfies(c -> assertThat(c).contains(":" + ua.port()));
            Command.Result call = sipp.call("sippbob");
            assertThat(call.exitCode()).as(call.output()).isZero();
        }
    }

    @Test
    @DisplayName("RFC 3261 §16.12 / RFC 3311 / RFC 6086: INFO, UPDATE, a re-INVITE and BYE follow the record-routed "
            + "dialog through the proxy")
    void inDialogMethodsAreLooseRouted() throws Exception {
        sip.addUser("sippcarol", "carol-pw");
        Path work = dir.resolve("dialog");
        Files.createDirectories(work);
        Path uas = copy("dialog-uas.xml", work);
        Path uac = copy("dialog-uac.xml", work);
        int uasPort = FreePorts.next();
        Process callee = new ProcessBuilder("sipp", "-sf", uas.toString(), "-t", "u1", "-i", "127.0.0.1", "-p",
                String.valueOf(uasPort), "-s", "sippcarol", "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error",
                "-trace_msg", "-message_file", work.resolve("uas.log").toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("uas.out").toFile())
                .start();
        try {
            Sipp sipp = new Sipp(work, sip.host(), sip.udpPort(), sip.domain());
            Command.Result reg = sipp.register("sippcarol", "carol-pw", uasPort, 120);
            assertThat(reg.exitCode()).as(reg.output()).isZero();
            Command.Result call = Command.of("sipp", "-sf", uac.toString(), sip.host() + ":" + sip.udpPort(), "-t",
                            "u1", "-i", "127.0.0.1", "-p", String.valueOf(FreePorts.next()), "-m", "1", "-s",
                            "sippcarol", "-key", "domain", sip.domain(), "-nostdin", "-timeout", "30s",
                            "-timeout_error", "-trace_msg", "-message_file", work.resolve("uac.log").toString())
                    .directory(work).timeout(Duration.ofSeconds(45)).run();
            assertThat(call.exitCode()).as(call.output()).isZero();
            assertThat(callee.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(callee.exitValue()).as(Files.readString(work.resolve("uas.out"))).isZero();
            String seenByCallee = Files.readString(work.resolve("uas.log"));
            // every in-dialog request reached the callee through the proxy, carrying its Via
            assertThat(seenByCallee).contains("INFO sip:").contains("UPDATE sip:").contains("BYE sip:")
                    .contains("branch=z9hG4bK-sbx-");
        } finally {
            callee.destroy();
            if (!callee.waitFor(5, TimeUnit.SECONDS)) {
                callee.destroyForcibly();
            }
        }
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = SandboxRobustnessTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Test
    @DisplayName("RFC 3261 §16.3: garbage, truncated and oversized messages over UDP and TCP do not stop the proxy")
    void malformedInputLeavesTheProxyServing() throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> bad = List.of(
                "",
                "\r\n\r\n",
                "NOT SIP AT ALL",
                "INVITE sip:x@sandbox.test SIP/2.0\r\n\r\n",
                "INVITE sip:x@sandbox.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\n"
                        + "Content-Length: 99999\r\n\r\nv=0",
                "OPTIONS sip:@@@ SIP/2.0\r\nVia: garbage\r\nFrom: <\r\nTo: >\r\nCall-ID:\r\nCSeq: x OPTIONS\r\n\r\n",
                "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-sbx-00\r\nCSeq: 1 INVITE\r\n\r\n",
                "REGISTER sip:sandbox.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKq\r\n"
                        + "From: <sip:a@sandbox.test>;tag=1\r\nTo: <sip:a@sandbox.test>\r\nCall-ID: c\r\nCSeq: 1 REGISTER\r\n"
                        + "Max-Forwards: 70\r\nContact: *\r\nAuthorization: Digest username=\"a\", realm=\"sandbox.test\","
                        + " nonce=\"%%%\", uri=\"sip:sandbox.test\", response=\"00\", algorithm=SHA-999\r\n"
                        + "Content-Length: 0\r\n\r\n");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
            for (String m : bad) {
                byte[] b = m.getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(b, b.length, loopback, sip.udpPort()));
            }
            for (int i = 0; i < 20; i++) {
                byte[] noise = new byte[1 + random.nextInt(1400)];
                random.nextBytes(noise);
                udp.send(new DatagramPacket(noise, noise.length, loopback, sip.udpPort()));
            }
        }
        for (String m : bad) {
            try (Socket tcp = new Socket(loopback, sip.tcpPort())) {
                OutputStream out = tcp.getOutputStream();
                out.write(m.getBytes(StandardCharsets.UTF_8));
                byte[] noise = new byte[2000];
                random.nextBytes(noise);
                out.write(noise);
                out.flush();
            }
        }
        try (Socket tls = new Socket(loopback, sip.tlsPort())) {
            tls.getOutputStream().write("INVITE sip:x@sandbox.test SIP/2.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        }

        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            SipResponse r = client.options("sip:" + sip.domain(), "sip:probe@elsewhere.test");
            assertThat(r.status()).isEqualTo(200);
            sip.addUser("afterjunk", "pw");
            SipResponse reg = client.register(sip.domain(), "afterjunk", "pw",
                    "sip:afterjunk@127.0.0.1:" + client.localPort(), 60);
            assertThat(reg.status()).isEqualTo(200);
        }
    }
}
