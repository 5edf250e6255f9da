package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.cusax.core.testing.ManualScheduler;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.SmackException.NoResponseException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6120 §8.2.3 (a reply carries its request's id) and §8.1.2.1 (who may answer): replies found by id with
 * one listener, as Smack's {@code sendIqRequestAsync} would find them with one reply filter per request. Runs
 * against Smack's {@link DummyConnection}: stanzas sent are captured, stanzas received go through Smack's own
 * listener dispatch; reply timeouts run on a {@link ManualScheduler}.
 */
class PendingRepliesTest {
    private static final long TIMEOUT_MS = 5_000;

    private final ManualScheduler timer = new ManualScheduler();
    private DummyConnection connection;
    private PendingReplies replies;

    @BeforeEach
    void connect() throws Exception {
        connection = DummyConnection.newConnectedDummyConnection();
        connection.setReplyTimeout(TIMEOUT_MS);
        replies = new PendingReplies(connection, timer);
    }

    @AfterEach
    void disconnect() {
        replies.close();
        connection.disconnect();
    }

    private static DiscoverInfo get(String to) throws Exception {
        DiscoverInfo request = new DiscoverInfo();
        request.setType(IQ.Type.get);
        request.setTo(to == null ? null : JidCreate.from(to));
        return request;
    }

    private IQ sent() throws InterruptedException {
        return connection.getSentPacket();
    }

    private static IQ result(IQ request, String from) throws Exception {
        return PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='result' id='" + request.getStanzaId()
                + "'" + (from == null ? "" : " from='" + from + "'") + "/>");
    }

    private static IQ error(IQ request, String from, String condition) throws Exception {
        return PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='error' id='" + request.getStanzaId()
                + "' from='" + from + "'><error type='cancel'><" + condition
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    }

    private static IQ answer(CompletableFuture<IQ> reply) throws Exception {
        return reply.get(10, TimeUnit.SECONDS);
    }

    /** What the request failed with (bounded wait). */
    private static Throwable failure(CompletableFuture<IQ> reply) {
        return catchThrowableOfType(() -> reply.get(10, TimeUnit.SECONDS), ExecutionException.class).getCause();
    }

    private void receive(Stanza stanza) {
        connection.processStanza(stanza);
    }

    @Test
    void eachReplyCompletesTheRequestWithItsIdInWhateverOrderRepliesCome() throws Exception {
        CompletableFuture<IQ> toBob = replies.request(get("bob@example.org"));
        CompletableFuture<IQ> toCarol = replies.request(get("carol@example.org"));
        IQ bobRequest = sent();
        IQ carolRequest = sent();
        assertThat(bobRequest.getTo().toString()).isEqualTo("bob@example.org");
        assertThat(replies.pending()).isEqualTo(2);
        assertThat(timer.pendingDelays()).containsExactly(Duration.ofMillis(TIMEOUT_MS), Duration.ofMillis(TIMEOUT_MS));

        IQ carolReply = result(carolRequest, "carol@example.org");
        receive(carolReply);
        assertThat(answer(toCarol)).isSameAs(carolReply);
        IQ bobReply = result(bobRequest, "bob@example.org");
        receive(bobReply);
        assertThat(answer(toBob)).isSameAs(bobReply);

        assertThat(replies.pending()).isZero();
        assertThat(timer.pendingDelays()).as("answered: no timeout left").isEmpty();
    }

    @Test
    void aReplyWithAPendingIdFromAnotherEntityIsIgnoredAndTheRequestGoesOnWaiting() throws Exception {
        CompletableFuture<IQ> toBob = replies.request(get("bob@example.org"));
        IQ request = sent();
        receive(result(request, "mallory@example.org"));
        receive(result(request, "bob@example.org/phone")); // a full JID is not the bare JID asked
        receive(result(request, "example.org"));
        receive(result(request, null));
        IQ genuine = result(request, "bob@example.org");
        receive(genuine); // listeners run in order: the forged ones were seen first
        assertThat(answer(toBob)).isSameAs(genuine);
        assertThat(replies.pending()).isZero();
    }

    @Test
    void aRequestWithoutAddresseeIsAnsweredByOurServerOrOurOwnAccountOnly() throws Exception {
        Jid ownBare = connection.getUser().asBareJid();
        List<CompletableFuture<IQ>> toServer = new ArrayList<>();
        List<IQ> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            toServer.add(replies.request(get(null)));
            requests.add(sent());
        }
        receive(result(requests.get(0), "mallory@example.org"));
        receive(result(requests.get(0), "other.example.org"));
        IQ fromServer = result(requests.get(0), connection.getXMPPServiceDomain().toString());
        IQ fromOwnBare = result(requests.get(1), ownBare.toString());
        IQ fromOwnFull = result(requests.get(2), connection.getUser().toString());
        IQ fromNobody = result(requests.get(3), null);
        for (IQ reply : List.of(fromServer, fromOwnBare, fromOwnFull, fromNobody)) {
            receive(reply);
        }
        assertThat(answer(toServer.get(0))).isSameAs(fromServer);
        assertThat(answer(toServer.get(1))).isSameAs(fromOwnBare);
        assertThat(answer(toServer.get(2))).isSameAs(fromOwnFull);
        assertThat(answer(toServer.get(3))).isSameAs(fromNobody);

        CompletableFuture<IQ> toOwnAccount = replies.request(get(ownBare.toString()));
        IQ noFrom = result(sent(), null);
        receive(noFrom);
        assertThat(answer(toOwnAccount)).as("to our bare JID: the server may answer without from").isSameAs(noFrom);
        assertThat(replies.pending()).isZero();
    }

    @Test
    void anErrorReplyFailsTheRequestWithSmacksErrorException() throws Exception {
        CompletableFuture<IQ> toBob = replies.request(get("bob@example.org"));
        receive(error(sent(), "bob@example.org", "item-not-found"));
        assertThat(failure(toBob)).isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                        e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found));
        assertThat(replies.pending()).isZero();
        assertThat(timer.pendingDelays()).isEmpty();
    }

    @Test
    void noReplyWithinTheReplyTimeoutFailsWithNoResponseAndALateReplyChangesNothing() throws Exception {
        CompletableFuture<IQ> toBob = replies.request(get("bob@example.org"));
        IQ request = sent();
        timer.advance(Duration.ofMillis(TIMEOUT_MS - 1));
        assertThat(toBob).isNotDone();
        timer.advance(Duration.ofMillis(1));
        assertThat(toBob).isCompletedExceptionally();
        assertThat(failure(toBob)).isInstanceOf(NoResponseException.class);
        assertThat(replies.pending()).isZero();

        // the late reply is not awaited any more; a later request's reply still goes through
        receive(result(request, "bob@example.org"));
        CompletableFuture<IQ> again = replies.request(get("bob@example.org"));
        IQ reply = result(sent(), "bob@example.org");
        receive(reply);
        assertThat(answer(again)).isSameAs(reply);
        assertThat(failure(toBob)).isInstanceOf(NoResponseException.class);
        assertThat(replies.pending()).isZero();
    }

    @Test
    void whenTheConnectionClosesEveryPendingRequestFailsWithNotConnected() throws Exception {
        List<CompletableFuture<IQ>> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pending.add(replies.request(get("contact" + i + "@example.org")));
        }
        assertThat(replies.pending()).isEqualTo(3);
        connection.disconnect();
        for (CompletableFuture<IQ> reply : pending) {
            assertThat(failure(reply)).isInstanceOf(NotConnectedException.class);
        }
        assertThat(replies.pending()).isZero();
        assertThat(timer.pendingDelays()).isEmpty();
    }

    @Test
    void closingFailsWhatWaitsAndTakesTheListenerOff() throws Exception {
        CompletableFuture<IQ> toBob = replies.request(get("bob@example.org"));
        IQ request = sent();
        replies.close();
        assertThat(failure(toBob)).isInstanceOf(NotConnectedException.class);
        assertThat(replies.pending()).isZero();
        receive(result(request, "bob@example.org")); // nobody listens: nothing happens
        assertThat(replies.pending()).isZero();
    }

    @Test
    void aThousandPipelinedRequestsAnsweredInReverseOrderAllCompleteAndLeaveNothingBehind() throws Exception {
        int n = 1_000;
        List<CompletableFuture<IQ>> futures = new ArrayList<>();
        List<IQ> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(replies.request(get("contact" + i + "@example.org")));
            requests.add(sent());
        }
        assertThat(replies.pending()).isEqualTo(n);
        List<IQ> answers = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            IQ reply = result(requests.get(i), "contact" + i + "@example.org");
            answers.add(0, reply);
            receive(reply);
        }
        for (int i = 0; i < n; i++) {
            assertThat(answer(futures.get(i))).isSameAs(answers.get(i));
        }
        assertThat(replies.pending()).isZero();
        assertThat(timer.pendingDelays()).isEmpty();
    }

    @Test
    void onlyRequestsAreAccepted() throws Exception {
        IQ result = result(get("bob@example.org"), "bob@example.org");
        assertThatThrownBy(() -> replies.request(result)).isInstanceOf(IllegalArgumentException.class);
        assertThat(replies.pending()).isZero();
    }
}
