package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.xmpp.testing.Peer;
import org.cusax.xmpp.testing.XmppAccounts;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.IQTypeFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedPing} against a real Prosody: the answer to the ping is taken only after the ordered listeners of
 * every stanza the server sent before it have returned (XEP-0199 §4.1 on our own stream; RFC 6120 §10.1: a
 * server handles one client's stanzas in order). The client relies on it to end the presence burst (XEP-0163
 * §6.1.1: the last PEP items come before the answer); Smack's own ping takes the answer on the reader thread,
 * while such a listener may still be running. Run explicitly:
 * {@code mvn -o -pl cusax-xmpp test -Dtest=OrderedPingIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OrderedPingIT {
    private static final long WAIT_SECONDS = 20;
    private static Testbed tb;
    private static TestUser alice;

    @BeforeAll
    static void startProsody() throws Exception {
        tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        alice = tb.createUser("alice");
    }

    @AfterAll
    static void stopProsody() {
        if (tb != null) {
            tb.close();
        }
    }

    @Test
    void theAnswerIsTakenAfterTheListenerOfAStanzaTheServerSentBeforeItHasReturned() throws Exception {
        var account = XmppAccounts.account(alice.name(), alice.password(), tb.prosody().c2sPort(), tb.caCertificate());
        try (Peer peer = Peer.login(account, "ordered", true)) {
            XMPPTCPConnection c = peer.connection();
            String marker = "before-the-ping-" + UUID.randomUUID();
            CountDownLatch answerRead = new CountDownLatch(1);
            AtomicInteger order = new AtomicInteger();
            AtomicInteger listenerReturned = new AtomicInteger();
            // The listener of the earlier stanza is held until the ping's answer has been read off the stream.
            StanzaFilter earlier = s -> s instanceof Message m && marker.equals(m.getBody());
            c.addSyncStanzaListener(s -> {
                try {
                    answerRead.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } finally {
                    listenerReturned.set(order.incrementAndGet());
                }
            }, earlier);
            c.addAsyncStanzaListener(s -> answerRead.countDown(), new AndFilter(IQTypeFilter.RESULT,
                    s -> s.getFrom() != null && s.getFrom().equals(c.getXMPPServiceDomain())));

            c.sendStanza(StanzaBuilder.buildMessage().to(c.getUser()).setBody(marker).build());
            boolean answered = OrderedPing.pingServer(c);
            int pingReturned = order.incrementAndGet();

            assertThat(answered).as("the server answered the ping").isTrue();
            assertThat(answerRead.getCount()).as("the held listener was released by the answer, not by its timeout")
                    .isZero();
            assertThat(listenerReturned.get()).as("the earlier stanza's listener returned first")
                    .isPositive().isLessThan(pingReturned);
        }
    }

    @Test
    void noAnswerTakenWithinTheReplyTimeoutIsFalse() throws Exception {
        var account = XmppAccounts.account(alice.name(), alice.password(), tb.prosody().c2sPort(), tb.caCertificate());
        try (Peer peer = Peer.login(account, "silent", true)) {
            XMPPTCPConnection c = peer.connection();
            CountDownLatch release = new CountDownLatch(1);
            String marker = "hold-" + UUID.randomUUID();
            // Every ordered listener waits behind this one: the answer cannot be taken within the reply timeout.
            c.addSyncStanzaListener(s -> release.await(WAIT_SECONDS, TimeUnit.SECONDS),
                    s -> s instanceof Message m && marker.equals(m.getBody()));
            c.sendStanza(StanzaBuilder.buildMessage().to(c.getUser()).setBody(marker).build());
            c.setReplyTimeout(500);
            try {
                assertThat(OrderedPing.pingServer(c)).isFalse();
            } finally {
                release.countDown();
            }
        }
    }
}
