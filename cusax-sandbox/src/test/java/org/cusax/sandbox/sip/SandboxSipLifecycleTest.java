package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;

import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.sip.SipUdpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting on configured ports, a clear error when one is taken, and a stop that frees them. */
class SandboxSipLifecycleTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("configured ports are used, and free again after stop (a second start on them works)")
    void configuredPortsAndCleanStop() throws Exception {
        int udp = FreePorts.next();
        int tcp = FreePorts.next();
        int tls = FreePorts.next();
        SandboxSipOptions options = SandboxSipOptions.defaults("sandbox.test", dir).withPorts(udp, tcp, tls);
        SandboxSip first = SandboxSip.start(options);
        assertThat(new int[] {first.udpPort(), first.tcpPort(), first.tlsPort()}).containsExactly(udp, tcp, tls);
        assertThat(first.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        first.stop();
        first.stop(); // idempotent
        try (SandboxSip second = SandboxSip.start(options);
             SipUdpClient client = new SipUdpClient("127.0.0.1", second.udpPort())) {
            assertThat(client.options("sip:sandbox.test", "sip:probe@elsewhere.test").status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("a configured port that is taken fails the start with a message naming the listeners")
    void takenPortIsAClearError() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            SandboxSipOptions options = SandboxSipOptions.defaults("sandbox.test", dir)
                    .withPorts(taken.getLocalPort(), 0, 0);
            assertThatThrownBy(() -> SandboxSip.start(options)).isInstanceOf(SandboxSipException.class)
                    .hasMessageContaining("cannot start the sandbox SIP listeners");
        }
    }

    @Test
    @DisplayName("bad options are refused up front: another address than 127.0.0.1, a bad domain, an unknown algorithm")
    void badOptions() {
        assertThatThrownBy(() -> new SandboxSipOptions("sandbox.test", "0.0.0.0", 0, 0, 0, dir,
                java.util.Optional.empty(), SandboxSipOptions.DEFAULT_DIGEST_ALGORITHMS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> SandboxSipOptions.defaults("bad domain", dir))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSipOptions.defaults("sandbox.test", dir)
                .withDigestAlgorithms(java.util.List.of("SHA-512-256")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
