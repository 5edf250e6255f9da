package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.config.SipSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.testing.CallRecorder;
import org.cusax.core.testing.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SIP half's timers on a fake clock (the port runs on a {@link ManualScheduler}; virtual time moves
 * only when the test advances it, nothing sleeps): registration refresh before expiry (RFC 3261 §10.2.4),
 * the backoff schedule and re-registration after a lost registration, the ring timeout (CANCEL, §9.1; 480
 * for a call ringing at us, §21.4.18), Timer H (no ACK for our 200: BYE, §13.3.1.4),
 * media inactivity (sip.call.media-timeout, RFC 3550 §6.3.5 in spirit) and BYE on stop. The peer is a
 * scripted UDP endpoint on loopback that plays registrar, proxy and callee.
 */
class JainSipTimersTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration RING = Duration.ofSeconds(60);
    private static final Duration MEDIA = Duration.ofSeconds(30);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final CallRecorder seen = new CallRecorder();
    private final DatagramSocket rtpSink;
    private FakeRegistrar peer;
    private JainSipTelephonyPort port;
    private volatile Predicate<Integer> registerFails = n -> false;
    private volatile String calleeDirection = "sendrecv";
    private volatile boolean calleeAnswers = true;

    JainSipTimersTest() throws Exception {
        rtpSink = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (port != null) {
            stopPort();
        }
        if (peer != null) {
            peer.close();
        }
        rtpSink.close();
    }

    private void stopPort() throws Exception {
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(port::stop);
        scheduler.runUntil(stopped::isDone, WAIT);
        port = null;
    }

    private void start() throws Exception {
        int[] registers = {0};
        peer = new FakeRegistrar((reg, req, i) -> switch (req.getMethod()) {
            case Request.REGISTER -> registerFails.test(registers[0]++) ? reg.respond(req, 503)
                    : reg.ok(req, ((ExpiresHeader) req.getHeader(ExpiresHeader.NAME)).getExpires() == 0 ? 0 : 60);
            case Request.INVITE -> calleeAnswers ? answer(reg, req) : reg.respond(req, 180);
            case Request.CANCEL, Request.BYE -> reg.respond(req, 200);
            default -> null;
        });
        Account account = new Account(Protocol.SIP, "sip:alice@cusax.test", "alice", Secret.of("pw"), "cusax.test",
                new ServerEndpoint("127.0.0.1", peer.port(), Transport.UDP),
                new SecuritySettings(Optional.empty(), Optional.empty(), "TLSv1.2", false), Features.telephonyDefaults());
        SipSettings settings = new SipSettings("Alice", "cusax-test/1", "127.0.0.1", 0, Duration.ofSeconds(600),
                Duration.ofSeconds(30), 65536, List.of("SHA-256", "MD5"), Duration.ofSeconds(2), true)
                .withCallTimeouts(RING, SipSettings.DEFAULT_ACK_TIMEOUT).withMediaTimeout(MEDIA);
        port = new JainSipTelephonyPort(account, settings, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400),
                2.0, 0.0), Optional.empty(), scheduler);
        port.start(seen);
        awaitStatus(ConnectionState.ONLINE);
    }

    /** 200 OK with an SDP answer (direction as scripted) and a Contact at the peer's own socket. */
    private Response answer(FakeRegistrar reg, Request invite) throws Exception {
        Response ok = reg.respond(invite, 200, "Contact: <sip:bob@127.0.0.1:" + peer.port() + ";transport=udp>");
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtpSink.getLocalPort() + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=" + calleeDirection + "\r\n";
        ok.setContent(sdp, (ContentTypeHeader) reg.headers.createHeader(ContentTypeHeader.NAME, "application/sdp"));
        return ok;
    }

    private void awaitStatus(ConnectionState state) throws InterruptedException {
        assertThat(scheduler.runUntil(() -> seen.status.all().stream().anyMatch(s -> s.state() == state), WAIT))
                .as(seen.status.describe()).isTrue();
    }

    private long sent(String method) {
        return peer.count(r -> r.getMethod().equals(method));
    }

    private long registersWithExpires(int expires) {
        return peer.count(r -> r.getMethod().equals(Request.REGISTER)
                && ((ExpiresHeader) r.getHeader(ExpiresHeader.NAME)).getExpires() == expires);
    }

    private boolean pump(java.util.function.BooleanSupplier done) throws InterruptedException {
        return scheduler.runUntil(done, WAIT);
    }

    private String call() throws Exception {
        String id = "c-1";
        port.placeCall(new CallRequest(id, "sip:bob@cusax.test", AudioPlan.silent()));
        return id;
    }

    @Test
    @DisplayName("RFC 3261 §10.2.4: a 60 s registration is refreshed before it expires, not earlier")
    void registrationIsRefreshedBeforeExpiry() throws Exception {
        start();
        assertThat(sent(Request.REGISTER)).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(53));
        assertThat(sent(Request.REGISTER)).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1)); // 54 s = 60 s less the 10 % margin
        assertThat(pump(() -> sent(Request.REGISTER) == 2)).isTrue();
        assertThat(pump(() -> seen.status.all().stream().filter(s -> s.state() == ConnectionState.ONLINE).count() >= 1))
                .isTrue();
        assertThat(seen.status.all()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
    }

    @Test
    @DisplayName("a refused refresh: backoff 100, 200, 400, 400 ms (reconnect.*), then registered again")
    void lostRegistrationBacksOffThenRegistersAgain() throws Exception {
        registerFails = n -> n >= 1 && n <= 4; // the first refresh and three retries get 503
        start();
        scheduler.advance(Duration.ofSeconds(54));
        for (int failures = 1; failures <= 4; failures++) {
            int n = failures;
            assertThat(pump(() -> reconnecting().size() == n)).as(seen.status.describe()).isTrue();
            Duration delay = reconnecting().get(n - 1).retryIn().orElseThrow();
            long before = sent(Request.REGISTER);
            scheduler.advance(delay.minusMillis(1));
            assertThat(sent(Request.REGISTER)).as("no retry before the backoff delay").isEqualTo(before);
            scheduler.advance(Duration.ofMillis(1));
            assertThat(pump(() -> sent(Request.REGISTER) == before + 1)).isTrue();
        }
        assertThat(reconnecting()).extracting(s -> s.retryIn().orElseThrow().toMillis())
                .containsExactly(100L, 200L, 400L, 400L);
        assertThat(pump(() -> seen.status.last().state() == ConnectionState.ONLINE)).as(seen.status.describe()).isTrue();
    }

    private List<ConnectionStatus> reconnecting() {
        return seen.status.all().stream().filter(s -> s.state() == ConnectionState.RECONNECTING).toList();
    }

    @Test
    @DisplayName("RFC 3261 §9.1: an outgoing call still ringing at sip.call.ring-timeout is CANCELled, not before")
    void ringTimeoutCancels() throws Exception {
        calleeAnswers = false;
        start();
        call();
        assertThat(pump(() -> !seen.of("ringing").isEmpty())).isTrue();
        scheduler.advance(RING.minusSeconds(1));
        assertThat(sent(Request.CANCEL)).isZero();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(pump(() -> sent(Request.CANCEL) == 1)).isTrue();
    }

    @Test
    @DisplayName("sip.call.media-timeout: no RTP for 30 s from a peer meant to send: BYE, ended media-timeout")
    void silentPeerIsHungUp() throws Exception {
        start();
        String id = call();
        assertThat(pump(() -> !seen.of("answered").isEmpty())).isTrue();
        assertThat(pump(() -> sent(Request.ACK) == 1)).isTrue();
        scheduler.advance(MEDIA.minusSeconds(1));
        assertThat(sent(Request.BYE)).isZero();
        assertThat(port.liveCalls()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(pump(() -> sent(Request.BYE) == 1)).isTrue();
        CallRecorder.Seen ended = seen.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(id);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.MEDIA_TIMEOUT);
        assertThat(ended.reason().kind().token()).isEqualTo("media-timeout");
        assertThat(port.liveCalls()).as("an ended call leaves the SIP half's memory").isZero();
    }

    @Test
    @DisplayName("RFC 3264 §8.4: a peer holding us (a=sendonly, may send nothing) is never cut for silence")
    void heldCallIsNotCut() throws Exception {
        calleeDirection = "sendonly";
        start();
        call();
        assertThat(pump(() -> !seen.of("held").isEmpty())).isTrue();
        scheduler.advance(MEDIA.multipliedBy(10));
        assertThat(sent(Request.BYE)).isZero();
        assertThat(seen.of("ended")).isEmpty();
        assertThat(port.liveCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("RFC 3261 §15.1.1: stopping the SIP half sends BYE for an answered call before the un-REGISTER")
    void stopSendsByeBeforeUnregister() throws Exception {
        start();
        call();
        assertThat(pump(() -> sent(Request.ACK) == 1)).isTrue();
        stopPort();
        List<Request> all = peer.received();
        int bye = indexOf(all, r -> r.getMethod().equals(Request.BYE));
        int unregister = indexOf(all, r -> r.getMethod().equals(Request.REGISTER)
                && ((ExpiresHeader) r.getHeader(ExpiresHeader.NAME)).getExpires() == 0);
        assertThat(bye).as("BYE sent").isNotNegative();
        assertThat(unregister).as("un-REGISTER sent").isGreaterThan(bye);
        assertThat(seen.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
    }

    /** The peer sends us an INVITE (with an SDP offer) at the address we registered. */
    private void inviteFromPeer() throws Exception {
        javax.sip.address.SipURI contact = (javax.sip.address.SipURI) ((javax.sip.header.ContactHeader) peer.received()
                .get(0).getHeader(javax.sip.header.ContactHeader.NAME)).getAddress().getURI();
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtpSink.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        String invite = "INVITE sip:alice@127.0.0.1:" + contact.getPort() + ";transport=udp SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK-in-1;rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:bob@cusax.test>;tag=bob1\r\nTo: <sip:alice@cusax.test>\r\n"
                + "Call-ID: in-1@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:bob@127.0.0.1:" + peer.port() + ";transport=udp>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
        peer.send(peer.messages.createRequest(invite), new java.net.InetSocketAddress(contact.getHost(), contact.getPort()));
    }

    private boolean peerGot(int status) {
        return peer.responses().stream().anyMatch(r -> r.getStatusCode() == status);
    }

    @Test
    @DisplayName("RFC 3261 §13.3.1.4: our 200 OK never ACKed within Timer H (32 s): BYE, and not before")
    void missingAckHangsUpAfterTimerH() throws Exception {
        start();
        inviteFromPeer();
        CallRecorder.Seen incoming = seen.await("incoming", WAIT);
        port.answer(incoming.callId(), AudioPlan.silent());
        assertThat(pump(() -> peerGot(200))).isTrue();
        scheduler.advance(SipSettings.DEFAULT_ACK_TIMEOUT.minusSeconds(1));
        assertThat(sent(Request.BYE)).isZero();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(pump(() -> sent(Request.BYE) == 1)).isTrue();
        assertThat(seen.await("ended", WAIT).reason().message()).contains("ACK");
        assertThat(port.liveCalls()).isZero();
    }

    @Test
    @DisplayName("RFC 3261 §21.4.18: an incoming call nobody answers within sip.call.ring-timeout gets 480")
    void incomingRingTimeoutRefusesWith480() throws Exception {
        start();
        inviteFromPeer();
        seen.await("incoming", WAIT);
        scheduler.advance(RING.minusSeconds(1));
        assertThat(peerGot(480)).isFalse();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(pump(() -> peerGot(480))).isTrue();
        assertThat(seen.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.NO_ANSWER);
        assertThat(port.liveCalls()).isZero();
    }

    private static int indexOf(List<Request> requests, Predicate<Request> which) {
        for (int i = 0; i < requests.size(); i++) {
            if (which.test(requests.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
