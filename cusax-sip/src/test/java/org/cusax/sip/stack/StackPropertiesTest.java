package org.cusax.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.tls.TlsPolicy;
import org.junit.jupiter.api.Test;

/** The stack runs with our limits and our TLS rules, not JAIN-SIP's defaults (RFC 5630 §3: TLS 1.2+). */
class StackPropertiesTest {
    private static Properties tlsProperties() throws Exception {
        TlsPolicy tls = TlsPolicy.create(SecuritySettings.defaults(), "cusax.test");
        EndpointConfig c = new EndpointConfig("s1", InetAddress.getLoopbackAddress(), 0, Transport.TLS,
                new InetSocketAddress("127.0.0.1", 5061), 4096, Duration.ofSeconds(3), Duration.ofSeconds(4),
                Optional.of(tls), new FlowMonitor());
        return StackProperties.of(c);
    }

    @Test
    void limitsAndRouting() throws Exception {
        Properties p = tlsProperties();
        assertThat(p.getProperty("javax.sip.STACK_NAME")).isEqualTo("s1");
        // JAIN-SIP's stream parser caps header blocks at half of it: 4 x 4096, and ViaTransportValve enforces 4096
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE")).isEqualTo("16384");
        assertThat(p.getProperty("javax.sip.OUTBOUND_PROXY")).isEqualTo("127.0.0.1:5061/tls");
        assertThat(p.getProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT")).isEqualTo("4000");
        assertThat(p.getProperty("gov.nist.javax.sip.NETWORK_LAYER")).isEqualTo(PolicyNetworkLayer.class.getName());
        assertThat(p.getProperty("gov.nist.javax.sip.STACK_LOGGER")).isEqualTo(Slf4jStackLogger.class.getName());
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS")).isEqualTo("1000");
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_CONNECTIONS")).isEqualTo("64");
        assertThat(p.getProperty("gov.nist.javax.sip.READ_TIMEOUT")).isEqualTo("10000");
        assertThat(p.getProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE")).isEqualTo(ViaTransportValve.class.getName());
    }

    @Test
    void onlyModernTlsAndStrongSuites() throws Exception {
        Properties p = tlsProperties();
        List<String> protocols = List.of(p.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS").split(","));
        assertThat(protocols).containsExactly("TLSv1.2", "TLSv1.3");
        List<String> suites = List.of(p.getProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES").split(","));
        assertThat(suites).isNotEmpty().noneMatch(s -> s.contains("anon") || s.contains("NULL") || s.contains("3DES")
                || s.contains("RC4") || s.startsWith("SSL_"));
    }
}
