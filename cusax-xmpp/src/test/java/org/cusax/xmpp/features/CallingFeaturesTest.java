package org.cusax.xmpp.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;

/**
 * CUSAX (RFC 7081 §3) keeps calls on SIP: our XEP-0030 disco#info must list no Jingle (XEP-0166),
 * RTP (XEP-0167), ICE-UDP (XEP-0176) or RAW-UDP (XEP-0177) feature.
 */
class CallingFeaturesTest {
    static final List<String> JINGLE = List.of("urn:xmpp:jingle:1", "urn:xmpp:jingle:apps:rtp:1",
            "urn:xmpp:jingle:apps:rtp:audio", "urn:xmpp:jingle:apps:rtp:video",
            "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:raw-udp:1",
            "urn:xmpp:jingle:apps:dtls:0", "urn:xmpp:jingle-message:0", "urn:ietf:rfc:3264",
            "http://www.google.com/xmpp/protocol/voice/v1");

    @Test
    void everyCallNamespaceIsRecognised() {
        assertThat(JINGLE).allMatch(CallingFeatures::isCallingFeature);
        assertThat(List.of("urn:xmpp:ping", "http://jabber.org/protocol/disco#info", "urn:xmpp:receipts",
                "http://jabber.org/protocol/caps", "vcard-temp")).noneMatch(CallingFeatures::isCallingFeature);
    }

    @Test
    void smackAdvertisesNoCallFeatureByDefault() throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection("alice", "pw", "cusax.test");
        assertThat(ServiceDiscoveryManager.getInstanceFor(c).getFeatures()).noneMatch(CallingFeatures::isCallingFeature);
    }

    @Test
    void stripRemovesCallFeaturesAndKeepsTheRest() throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection("alice", "pw", "cusax.test");
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(c);
        JINGLE.forEach(disco::addFeature);
        assertThat(CallingFeatures.strip(disco)).containsExactlyInAnyOrderElementsOf(JINGLE);
        assertThat(disco.getFeatures()).noneMatch(CallingFeatures::isCallingFeature).contains("urn:xmpp:ping");
        assertThat(CallingFeatures.strip(disco)).isEmpty();
    }
}
