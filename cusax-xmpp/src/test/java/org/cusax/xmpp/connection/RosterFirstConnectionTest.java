package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * RFC 6121 §2.1.3: nothing Smack's managers ask at login stands between authentication and our roster
 * request. A stock connection carries XEP-0363's login-time upload-service discovery (the test would fail
 * on it); ours does not, and keeps every other manager's listener.
 */
class RosterFirstConnectionTest {
    private static XMPPTCPConnectionConfiguration config() throws Exception {
        return XMPPTCPConnectionConfiguration.builder().setXmppDomain("cusax.test")
                .setUsernameAndPassword("alice", "not-used").build();
    }

    @Test
    void theUploadServiceDiscoveryAtLoginIsDroppedAndNothingElse() throws Exception {
        List<String> stock = new StockConnection(config()).listenerClasses();
        List<String> ours = new RosterFirstConnection(config()).listenerClasses();

        assertThat(stock).as("Smack adds it to every connection").anyMatch(RosterFirstConnectionTest::upload);
        assertThat(ours).noneMatch(RosterFirstConnectionTest::upload);
        assertThat(ours).containsExactlyInAnyOrderElementsOf(stock.stream().filter(n -> !upload(n)).toList());
        assertThat(ours).as("other managers keep theirs (ping, roster, carbons…)").hasSizeGreaterThan(2);
    }

    private static boolean upload(String className) {
        return className.startsWith("org.jivesoftware.smackx.httpfileupload.");
    }

    /** A stock connection, to read the listeners Smack gives it. */
    private static final class StockConnection extends XMPPTCPConnection {
        StockConnection(XMPPTCPConnectionConfiguration config) {
            super(config);
        }

        List<String> listenerClasses() {
            return connectionListeners.stream().map(l -> l.getClass().getName()).toList();
        }
    }
}
