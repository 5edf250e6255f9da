package org.cusax.sip.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

import javax.sip.header.AllowHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;

import org.cusax.core.account.Features;
import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.stack.EndpointConfig;
import org.cusax.sip.stack.SipEndpoint;
import org.cusax.sip.testing.RequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Incoming requests over real SIP/UDP: RFC 3261 §11.2 (OPTIONS), §8.2.1 (405 with Allow, 501),
 * §15.1.2 and §9.2 (481), RFC 6665 §4.2.1.1 and RFC 3903 §6 (489), CUSAX feature switches.
 */
class RequestDispatcherTest {
    private SipEndpoint endpoint;
    private MethodCapabilities capabilities;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private UdpPeer start(Features features) throws Exception {
        EndpointConfig config = new EndpointConfig("dispatch-" + System.nanoTime(), InetAddress.getLoopbackAddress(), 0,
                Transport.UDP, new InetSocketAddress("127.0.0.1", 9), 65536, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Optional.empty(), new FlowMonitor());
        RequestDispatcher[] dispatcher = new RequestDispatcher[1];
        endpoint = SipEndpoint.open(config, new RequestListener(e -> dispatcher[0].dispatch(e)));
        dispatcher[0] = RequestDispatcher.standard(new Responder(endpoint.provider(), endpoint.messages(),
                endpoint.headers(), capabilities = new MethodCapabilities(features), "cusax-test/1"));
        return new UdpPeer(endpoint.listeningPoint().getPort());
    }

    private static List<String> allow(Response r) {
        List<String> methods = new ArrayList<>();
        ListIterator<?> it = r.getHeaders(AllowHeader.NAME);
        while (it.hasNext()) {
            methods.add(((AllowHeader) it.next()).getMethod());
        }
        return methods;
    }

    @Test
    void optionsDescribesACusaxTelephonyAccount() throws Exception {
        try (UdpPeer peer = start(Features.telephonyDefaults())) {
            Response r = peer.send("OPTIONS");
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(allow(r)).containsExactly("INVITE", "ACK", "BYE", "CANCEL", "UPDATE", "OPTIONS");
            assertThat(r.getHeader("Accept").toString()).contains("application/sdp");
            assertThat(r.getHeader("Supported")).isNotNull();
            assertThat(r.getHeader("Server").toString()).contains("cusax-test/1");
            assertThat(((ToHeader) r.getHeader(ToHeader.NAME)).getTag()).isNotBlank();
        }
    }

    @Test
    void invitesAreDeclinedUntilCallsExist() throws Exception {
        try (UdpPeer peer = start(Features.telephonyDefaults())) {
            assertThat(peer.send("INVITE").getStatusCode()).isEqualTo(480);
        }
    }

    @Test
    void imAndPresenceOffRefusesSipChatAndEvents() throws Exception {
        try (UdpPeer peer = start(Features.telephonyDefaults())) {
            Response message = peer.send("MESSAGE");
            assertThat(message.getStatusCode()).isEqualTo(405);
            assertThat(allow(message)).doesNotContain("MESSAGE", "SUBSCRIBE", "PUBLISH", "NOTIFY");
            assertThat(peer.send("SUBSCRIBE").getStatusCode()).isEqualTo(489);
            assertThat(peer.send("PUBLISH").getStatusCode()).isEqualTo(489);
        }
    }

    @Test
    void imAndPresenceOnIsReflectedInAllow() throws Exception {
        try (UdpPeer peer = start(new Features(true, true))) {
            Response options = peer.send("OPTIONS");
            assertThat(allow(options)).contains("MESSAGE", "SUBSCRIBE", "NOTIFY").doesNotContain("PUBLISH");
            assertThat(peer.send("MESSAGE").getStatusCode()).isEqualTo(480);
            assertThat(peer.send("SUBSCRIBE").getStatusCode()).isEqualTo(489);
        }
    }

    @Test
    void callingOffAllowsOnlyOptions() throws Exception {
        try (UdpPeer peer = start(new Features(false, false))) {
            Response invite = peer.send("INVITE");
            assertThat(invite.getStatusCode()).isEqualTo(405);
            assertThat(allow(invite)).containsExactly("OPTIONS");
        }
    }

    /** CUSAX §3 switches changed in the running session: the very next request follows them, both ways. */
    @Test
    void switchesChangedWhileRunningApplyToTheNextRequest() throws Exception {
        try (UdpPeer peer = start(Features.telephonyDefaults())) {
            assertThat(peer.send("INVITE").getStatusCode()).as("calling on: reaches the call logic").isEqualTo(480);

            capabilities.set(new Features(false, true));
            Response invite = peer.send("INVITE");
            assertThat(invite.getStatusCode()).as("calling off: a new call is not allowed").isEqualTo(405);
            assertThat(allow(invite)).doesNotContain("INVITE").contains("OPTIONS", "MESSAGE");
            assertThat(peer.send("MESSAGE").getStatusCode()).as("IM on: reaches the message logic").isEqualTo(480);
            assertThat(allow(peer.send("OPTIONS"))).doesNotContain("INVITE", "BYE");

            capabilities.set(Features.telephonyDefaults());
            assertThat(peer.send("INVITE").getStatusCode()).isEqualTo(480);
            assertThat(peer.send("MESSAGE").getStatusCode()).as("IM off again").isEqualTo(405);
        }
    }

    @Test
    void knownButNotAllowedIs405AndUnknownIs501() throws Exception {
        try (UdpPeer peer = start(Features.telephonyDefaults())) {
            assertThat(peer.send("REGISTER").getStatusCode()).isEqualTo(405);
            assertThat(peer.send("REFER").getStatusCode()).isEqualTo(405);
            Response unknown = peer.send("FROBNICATE");
            assertThat(unknown.getStatusCode()).isEqualTo(501);
            assertThat(allow(unknown)).contains("OPTIONS");
        }
    }

    @Test
    void byeAndCancelOutsideAnyCallGet481() throws Exception {
        try (UdpPeer peer = start(Features.telephonyDefaults())) {
            assertThat(peer.send("BYE").getStatusCode()).isEqualTo(481);
            assertThat(peer.send("CANCEL").getStatusCode()).isEqualTo(481);
        }
    }
}
