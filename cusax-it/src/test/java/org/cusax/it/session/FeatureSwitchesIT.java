package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cusax.core.account.Features;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.service.Half;
import org.cusax.it.support.Await;
import org.cusax.it.support.RunningClient;
import org.cusax.it.support.XmppPeer;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.sip.SipProbe;
import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.SipUdpClient;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

/**
 * RFC 7081 §3 feature switches, as CUSAX configures them by default: calling off on the XMPP account
 * (no Jingle advertised in XEP-0030 disco#info, Jingle session-initiate refused, XEP-0166 §6.3),
 * IM and presence off on the SIP account (SUBSCRIBE and MESSAGE refused with 405 Method Not Allowed,
 * RFC 3261 §21.4.6; the Allow we register and answer with lists no SIMPLE method).
 */
class FeatureSwitchesIT {
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(20);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    @Test
    void withCallingOffTheXmppAccountAdvertisesAndAcceptsNoCalls() throws Exception {
        TestUser alice = TB.testbed().createUser("alice");
        TestUser bob = TB.testbed().createUser("bob");
        try (RunningClient c = RunningClient.start(TB.testbed(), alice, SipTransport.TLS)) {
            c.await(Half.CHAT, ConnectionState.ONLINE);
            XMPPTCPConnection peer = XmppPeer.connect(TB.testbed(), bob, "probe");
            try {
                var aliceFull = JidCreate.entityFullFrom(alice.jid() + "/cusax");
                DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(peer).discoverInfo(aliceFull);
                List<String> features = info.getFeatures().stream().map(DiscoverInfo.Feature::getVar).toList();
                assertThat(features).contains("http://jabber.org/protocol/disco#info");
                assertThat(features).noneMatch(f -> f.startsWith("urn:xmpp:jingle"));

                IQ initiate = new JingleInitiate();
                initiate.setTo(aliceFull);
                assertThatThrownBy(() -> peer.createStanzaCollectorAndSend(initiate).nextResultOrThrow())
                        .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                                e.getStanzaError().getCondition()).isIn(StanzaError.Condition.service_unavailable,
                                StanzaError.Condition.feature_not_implemented));
            } finally {
                peer.disconnect();
            }
        }
    }

    @Test
    void withImAndPresenceOffTheSipAccountRefusesSubscribeAndMessage() {
        TestUser carol = TB.testbed().createUser("carol");
        try (RunningClient c = RunningClient.start(TB.testbed(), carol, SipTransport.UDP);
             SipUdpClient sip = new SipUdpClient(TB.testbed().kamailio().host(), TB.testbed().kamailio().udpPort())) {
            c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            String aor = carol.sipAor();

            // Refused with 405 (RFC 3261 §21.4.6): by Kamailio, which honours the Allow we registered, or by
            // our UA; either way any Allow in the answer does not list the method.
            SipResponse subscribe = sip.request("SUBSCRIBE", aor, SipProbe.PROBE_FROM, aor,
                    List.of("Event: presence", "Expires: 60", "Accept: application/pidf+xml"), null, null);
            assertThat(subscribe.status()).isEqualTo(405);
            assertThat(String.valueOf(subscribe.header("Allow"))).doesNotContain("SUBSCRIBE");

            SipResponse message = sip.request("MESSAGE", aor, SipProbe.PROBE_FROM, aor, List.of(), null, null);
            assertThat(message.status()).isEqualTo(405);
            assertThat(String.valueOf(message.header("Allow"))).doesNotContain("MESSAGE");

            SipResponse options = sip.options(aor, SipProbe.PROBE_FROM);
            assertThat(options.status()).isEqualTo(200);
            assertThat(options.header("Allow")).contains("INVITE").contains("OPTIONS")
                    .doesNotContain("MESSAGE").doesNotContain("SUBSCRIBE").doesNotContain("PUBLISH");
        }
    }

    /**
     * The same switches changed in the running session (the settings page; issue 11): the SIP account's Allow
     * follows at once — our answers and a REGISTER refresh, so Kamailio too — and calls follow: with calling
     * off a call is refused before any INVITE, with IM on a MESSAGE reaches our UA. Back to the defaults: as
     * before. No restart of the client.
     */
    @Test
    void switchesChangedWhileRunningApplyAtOnce() {
        TestUser dan = TB.testbed().createUser("dan");
        try (RunningClient c = RunningClient.start(TB.testbed(), dan, SipTransport.UDP);
             SipUdpClient sip = new SipUdpClient(TB.testbed().kamailio().host(), TB.testbed().kamailio().udpPort())) {
            c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            String aor = dan.sipAor();
            assertThat(message(sip, aor).status()).isEqualTo(405);

            c.client().setFeatures(Half.TELEPHONY, new Features(false, true));
            SipResponse options = Await.until("OPTIONS allow MESSAGE and no INVITE", WAIT,
                    () -> sip.options(aor, SipProbe.PROBE_FROM), r -> r.status() == 200
                            && String.valueOf(r.header("Allow")).contains("MESSAGE"));
            assertThat(options.header("Allow")).doesNotContain("INVITE").contains("OPTIONS");
            SipResponse message = Await.until("a MESSAGE reaching our UA", WAIT, () -> message(sip, aor),
                    r -> r.status() != 405);
            assertThat(message.status()).as("reached the UA, which keeps no SIP chat").isEqualTo(480);
            assertThatThrownBy(() -> c.client().placeCall(TB.testbed().createUser("erin").sipAor(),
                    org.cusax.core.call.AudioPlan.silent())).as("calling off: refused before any INVITE")
                    .hasMessageContaining("switched off");
            assertThat(TB.testbed().kamailio().registeredContacts(dan.name())).as("one binding, refreshed").hasSize(1);

            c.client().setFeatures(Half.TELEPHONY, Features.telephonyDefaults());
            Await.until("OPTIONS allow INVITE again", WAIT, () -> sip.options(aor, SipProbe.PROBE_FROM),
                    r -> String.valueOf(r.header("Allow")).contains("INVITE")
                            && !String.valueOf(r.header("Allow")).contains("MESSAGE"));
            assertThat(Await.until("MESSAGE refused again", WAIT, () -> message(sip, aor), r -> r.status() == 405)
                    .status()).isEqualTo(405);
        }
    }

    private static SipResponse message(SipUdpClient sip, String aor) {
        return sip.request("MESSAGE", aor, SipProbe.PROBE_FROM, aor, List.of("Content-Type: text/plain"), null, null);
    }

    /** A minimal XEP-0166 session-initiate, enough to see how the callee answers. */
    private static final class JingleInitiate extends IQ {
        JingleInitiate() {
            super("jingle", "urn:xmpp:jingle:1");
            setType(Type.set);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.attribute("action", "session-initiate").attribute("sid", "cusax-it-1")
                    .attribute("initiator", "x@cusax.test/y");
            xml.setEmptyElement();
            return xml;
        }
    }
}
