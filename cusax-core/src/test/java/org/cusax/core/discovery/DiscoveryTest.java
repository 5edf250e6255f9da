package org.cusax.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Discovery order (docs/provisioning.md): given URL, provisioning SRV, well-known URL, then RFC 2782/3263 records. */
class DiscoveryTest {
    private final Map<String, List<DnsRecords.SrvRecord>> srv = new HashMap<>();
    private final Map<String, List<DnsRecords.NaptrRecord>> naptr = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private Optional<URI> wellKnownAnswer = Optional.empty();
    private final List<String> report = new ArrayList<>();
    private final UserId alice = UserId.parse("alice@example.com");

    private final DnsRecords dns = new DnsRecords() {
        @Override
        public List<SrvRecord> srv(String name) {
            asked.add("SRV " + name);
            return srv.getOrDefault(name, List.of());
        }

        @Override
        public List<NaptrRecord> naptr(String name) {
            asked.add("NAPTR " + name);
            return naptr.getOrDefault(name, List.of());
        }
    };
    private final Discovery discovery = new Discovery(dns, domain -> {
        asked.add("well-known " + domain);
        return wellKnownAnswer;
    });

    @Test
    void aGivenUrlIsUsedWithoutAnyLookUp() {
        URI given = URI.create("https://prov.example.com/p");
        assertThat(discovery.provisioningServer(alice, Optional.of(given), report::add)).contains(given);
        assertThat(asked).isEmpty();
    }

    @Test
    void theProvisioningSrvRecordComesBeforeTheWellKnownUrl() {
        srv.put("_cusax-provisioning._tcp.example.com", List.of(new DnsRecords.SrvRecord(20, 0, 9443, "backup.example.com"),
                new DnsRecords.SrvRecord(10, 5, 8443, "prov.example.com")));
        assertThat(discovery.provisioningServer(alice, Optional.empty(), report::add))
                .contains(URI.create("https://prov.example.com:8443/cusax/v1/provisioning"));
        assertThat(asked).containsExactly("SRV _cusax-provisioning._tcp.example.com");
    }

    @Test
    void aProvisioningSrvTargetOutsideTheDomainIsIgnored() {
        srv.put("_cusax-provisioning._tcp.example.com", List.of(new DnsRecords.SrvRecord(10, 5, 443, "evil.example.net")));
        wellKnownAnswer = Optional.of(URI.create("https://p.example.com/x"));
        assertThat(discovery.provisioningServer(alice, Optional.empty(), report::add))
                .contains(URI.create("https://p.example.com/x"));
        assertThat(String.join("\n", report)).contains("evil.example.net, outside example.com: ignored");
    }

    @Test
    void aPlainHttpWellKnownAnswerIsRefused() {
        wellKnownAnswer = Optional.of(URI.create("http://p.example.com/x"));
        assertThat(discovery.provisioningServer(alice, Optional.empty(), report::add)).isEmpty();
        assertThat(String.join("\n", report)).contains("refused, not HTTPS");
    }

    @Test
    void serviceRecordsBuildATlsConfigurationFromNaptrAndSrv() {
        srv.put("_xmpp-client._tcp.example.com", List.of(new DnsRecords.SrvRecord(0, 0, 5222, "xmpp.example.com")));
        naptr.put("example.com", List.of(new DnsRecords.NaptrRecord(10, 10, "s", "SIP+D2U", "_sip._udp.example.com"),
                new DnsRecords.NaptrRecord(20, 10, "s", "SIPS+D2T", "_sips._tcp.example.com")));
        srv.put("_sips._tcp.example.com", List.of(new DnsRecords.SrvRecord(0, 0, 5061, "sip.example.com")));
        Map<String, String> keys = discovery.fromServiceRecords(alice, report::add).orElseThrow();
        assertThat(keys).containsEntry("xmpp.jid", "alice@example.com").containsEntry("xmpp.host", "xmpp.example.com")
                .containsEntry("xmpp.port", "5222").containsEntry("sip.aor", "sip:alice@example.com")
                .containsEntry("sip.transport", "tls").containsEntry("sip.proxy.host", "sip.example.com")
                .containsEntry("sip.proxy.port", "5061");
    }

    @Test
    void sipWithoutTlsIsNotConfiguredFromDns() {
        naptr.put("example.com", List.of(new DnsRecords.NaptrRecord(10, 10, "s", "SIP+D2U", "_sip._udp.example.com")));
        srv.put("_sip._udp.example.com", List.of(new DnsRecords.SrvRecord(0, 0, 5060, "sip.example.com")));
        assertThat(discovery.fromServiceRecords(alice, report::add)).isEmpty();
        assertThat(String.join("\n", report)).contains("SIP only without TLS (SIP+D2U): not used");
    }

    @Test
    void withoutNaptrSipsSrvIsUsedAndNoRecordsAtAllGivesNothing() {
        srv.put("_sips._tcp.example.com", List.of(new DnsRecords.SrvRecord(0, 0, 5061, "sip.example.com")));
        assertThat(discovery.fromServiceRecords(alice, report::add).orElseThrow())
                .containsEntry("sip.proxy.host", "sip.example.com").doesNotContainKey("xmpp.jid");
        srv.clear();
        assertThat(discovery.fromServiceRecords(alice, report::add)).isEmpty();
    }

    @Test
    void aNoServiceTargetCountsAsNone() {
        assertThat(Discovery.best(List.of(new DnsRecords.SrvRecord(0, 0, 0, ".")))).isEmpty();
    }

    @Test
    void userIds() {
        assertThat(UserId.parse("Alice@Example.COM").domain()).contains("example.com");
        assertThat(UserId.parse("alice").domain()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UserId.parse("a@b@c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
