package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Features;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.xmpp.features.CallingFeatures;
import org.cusax.xmpp.features.JingleRejector;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.core.testing.ManualScheduler;
import org.cusax.core.testing.TestPki;
import org.cusax.xmpp.testing.XmppAccounts;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a port's Smack connection is set up before it ever connects: what we advertise (XEP-0030,
 * CUSAX §3: calling off), how Jingle is answered, and roster handling (RFC 6121 §3.1.3 manual subscriptions).
 */
class ChatSessionTest {
    private final List<ChatSession> sessions = new ArrayList<>();

    private ChatSession session(Features features) throws Exception {
        ChatSession s = new ChatSession(XmppAccounts.account("alice", "pw", 5222, TestPki.get().caPem(), features),
                XmppAccounts.settings(), XmppAccounts.backoff(Duration.ofSeconds(1)), ContactSettings.defaults(),
                Optional.empty(), new AddressNormalizer(ContactSettings.defaults().defaultRegion()),
                new RecordingCallbacks(), new ManualScheduler());
        sessions.add(s);
        return s;
    }

    @AfterEach
    void closeContacts() {
        sessions.forEach(s -> s.contacts().close());
    }

    @Test
    void pepNotificationsOfVcard4AndReachabilityAreAskedForInDiscoInfo() throws Exception {
        // XEP-0163 §4: +notify in our caps makes the server push contacts' vCard4 (XEP-0292) and reach (XEP-0152).
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(session(Features.chatDefaults())
                .connection());
        assertThat(disco.getFeatures()).contains("urn:xmpp:vcard4+notify", "urn:xmpp:reach:0+notify");
    }

    @Test
    void callingOffMeansNoCallFeatureInDiscoInfo() throws Exception {
        XMPPTCPConnection c = session(Features.chatDefaults()).connection();
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(c);
        assertThat(disco.getFeatures()).noneMatch(CallingFeatures::isCallingFeature)
                .doesNotContain("urn:xmpp:jingle:1", "urn:xmpp:jingle:apps:rtp:1", "urn:xmpp:jingle:apps:rtp:audio",
                        "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:raw-udp:1");
        assertThat(disco.getIdentities()).extracting(DiscoverInfo.Identity::getName).containsExactly("cusax");
    }

    @Test
    void jingleRequestsHaveOurRejector() throws Exception {
        XMPPTCPConnection c = session(Features.chatDefaults()).connection();
        IQRequestHandler handler = c.unregisterIQRequestHandler(JingleRejector.ELEMENT, JingleRejector.NAMESPACE,
                IQ.Type.set);
        assertThat(handler).isNotNull();
        assertThat(handler.getClass().getEnclosingClass()).isEqualTo(JingleRejector.class);
    }

    @Test
    void subscriptionRequestsAreLeftToTheUserAndTheRosterIsLoadedByUs() throws Exception {
        Roster roster = Roster.getInstanceFor(session(Features.chatDefaults()).connection());
        assertThat(roster.getSubscriptionMode()).isEqualTo(Roster.SubscriptionMode.manual);
        assertThat(roster.isRosterLoadedAtLogin()).isFalse();
    }

    @Test
    void noChatMeansNoPresenceOnLogout() throws Exception {
        assertThat(session(new Features(false, false)).goodbye()).isNull();
        assertThat(session(Features.chatDefaults()).goodbye().getType()).isEqualTo(
                org.jivesoftware.smack.packet.Presence.Type.unavailable);
    }
}
