package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import org.cusax.core.contact.RawTel;
import org.junit.jupiter.api.Test;

/**
 * The vCard pipeline (GUIDE §4: never one blocking request per contact): requests go out without
 * waiting, never more than the limit at once, each answer lets the next one go; duplicates are merged, a
 * request without answer is retried once, a request lost with the connection is dropped at once. Counts only,
 * no timings.
 */
class ContactLoaderTest {
    private final ArrayDeque<Runnable> thread = new ArrayDeque<>();
    private final Executor executor = thread::add;
    private final List<String> loaded = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final ContactLoader.Sink sink = new ContactLoader.Sink() {
        @Override
        public void loaded(String jid, TelKind kind, TelResult result) {
            loaded.add(jid + " " + kind + " " + result.tels());
        }

        @Override
        public void failed(String jid, TelKind kind, Throwable cause) {
            failed.add(jid + " " + kind);
        }

        @Override
        public void dropped(String jid, TelKind kind, Throwable cause) {
            dropped.add(jid + " " + kind);
        }
    };

    private void runAll() {
        while (!thread.isEmpty()) {
            thread.poll().run();
        }
    }

    @Test
    void requestsArePipelinedUpToTheLimitAndNeverBeyond() {
        FakeTelQueries q = new FakeTelQueries(false);
        ContactLoader loader = new ContactLoader(q, 16, executor, sink);
        for (int i = 0; i < 100; i++) {
            loader.request("c" + i + "@x", TelKind.VCARD_TEMP);
            loader.request("c" + i + "@x", TelKind.VCARD4);
        }
        assertThat(q.count()).isEqualTo(16); // sent without any answer: pipelined
        assertThat(loader.inFlight()).isEqualTo(16);

        int answered = 0;
        while (answered < q.count()) {
            q.sent.get(answered++).answer().complete(new TelResult(List.of(RawTel.of("1")), java.util.Optional.empty()));
            runAll();
            assertThat(loader.inFlight()).isLessThanOrEqualTo(16);
            assertThat(q.count() - answered).isEqualTo(loader.inFlight());
        }
        assertThat(q.count()).isEqualTo(200);
        assertThat(loader.vcardTempRequests()).isEqualTo(100);
        assertThat(loader.vcard4Requests()).isEqualTo(100);
        assertThat(loader.maxInFlight()).isEqualTo(16);
        assertThat(loaded).hasSize(200).contains("c99@x VCARD4 [RawTel[address=1, types=[]]]");
        assertThat(loader.inFlight()).isZero();
    }

    @Test
    void requestsWaitWhileTheTransportIsNotReadyAndEachWaitIsCountedOnce() {
        FakeTelQueries q = new FakeTelQueries(false);
        ContactLoader loader = new ContactLoader(q, 4, executor, sink);
        loader.request("a@x", TelKind.VCARD_TEMP);
        loader.request("b@x", TelKind.VCARD_TEMP);
        q.ready = false; // XEP-0198: the server is behind on acknowledgements
        loader.request("c@x", TelKind.VCARD_TEMP);
        loader.request("d@x", TelKind.VCARD_TEMP);
        loader.request("e@x", TelKind.VCARD_TEMP);
        q.sent.get(0).answer().complete(TelResult.EMPTY); // an answer frees a slot, the gate still holds
        runAll();
        assertThat(q.count()).isEqualTo(2);
        assertThat(loader.gateHolds()).as("one wait, however often the loader looked").isEqualTo(1);
        assertThat(loader.windowHolds()).isZero();

        q.open();
        runAll();
        assertThat(q.count()).as("c, d, e: the window (4) has 3 free slots").isEqualTo(5);
        assertThat(loader.windowHolds()).isZero();

        loader.request("f@x", TelKind.VCARD_TEMP);
        loader.request("g@x", TelKind.VCARD_TEMP);
        assertThat(q.count()).isEqualTo(5);
        assertThat(loader.windowHolds()).as("the window is full: f and g wait, one wait").isEqualTo(1);
        q.sent.get(1).answer().complete(TelResult.EMPTY);
        runAll();
        assertThat(q.count()).isEqualTo(6);
        assertThat(loader.windowHolds()).as("f went out, g waits again: a second wait").isEqualTo(2);
        assertThat(loader.gateHolds()).isEqualTo(1);
    }

    @Test
    void aRequestAlreadyPendingIsNotSentTwice() {
        FakeTelQueries q = new FakeTelQueries(false);
        ContactLoader loader = new ContactLoader(q, 1, executor, sink);
        assertThat(loader.request("a@x", TelKind.VCARD_TEMP)).isTrue();
        assertThat(loader.request("b@x", TelKind.VCARD_TEMP)).isTrue();
        assertThat(loader.request("a@x", TelKind.VCARD_TEMP)).isFalse(); // in flight
        assertThat(loader.request("b@x", TelKind.VCARD_TEMP)).isFalse(); // queued
        assertThat(loader.pending("b@x", TelKind.VCARD_TEMP)).isTrue();
        q.sent.get(0).answer().complete(TelResult.EMPTY);
        runAll();
        q.sent.get(1).answer().complete(TelResult.EMPTY);
        runAll();
        assertThat(q.count()).isEqualTo(2);
        assertThat(loader.pending("b@x", TelKind.VCARD_TEMP)).isFalse();
    }

    @Test
    void noAnswerIsRetriedOnceThenGivenUp() {
        FakeTelQueries q = new FakeTelQueries(false);
        ContactLoader loader = new ContactLoader(q, 4, executor, sink);
        loader.request("a@x", TelKind.VCARD_TEMP);
        q.sent.get(0).answer().completeExceptionally(new TimeoutException("no response"));
        runAll();
        assertThat(q.count()).isEqualTo(2);
        q.sent.get(1).answer().completeExceptionally(new TimeoutException("no response"));
        runAll();
        assertThat(q.count()).isEqualTo(2);
        assertThat(failed).containsExactly("a@x VCARD_TEMP");
        assertThat(loader.inFlight()).isZero();
    }

    @Test
    void aRequestLostWithTheConnectionIsDroppedAtOnceNotFailedAndCancelIgnoresLateAnswers() {
        FakeTelQueries q = new FakeTelQueries(false);
        ContactLoader loader = new ContactLoader(q, 2, executor, sink);
        loader.request("a@x", TelKind.VCARD_TEMP);
        q.sent.get(0).answer().completeExceptionally(new IllegalStateException("not connected"));
        runAll();
        assertThat(dropped).containsExactly("a@x VCARD_TEMP");
        assertThat(failed).isEmpty();
        assertThat(loader.pending("a@x", TelKind.VCARD_TEMP)).isFalse(); // may be asked for again
        assertThat(q.count()).isEqualTo(1);

        loader.request("b@x", TelKind.VCARD_TEMP);
        loader.request("c@x", TelKind.VCARD_TEMP);
        loader.request("d@x", TelKind.VCARD_TEMP);
        loader.cancelAll();
        q.sent.get(1).answer().complete(TelResult.EMPTY);
        runAll();
        assertThat(loaded).isEmpty();
        assertThat(loader.inFlight()).isZero();
        assertThat(loader.request("d@x", TelKind.VCARD_TEMP)).isTrue(); // forgotten, so asked again
        assertThat(q.count()).isEqualTo(4);
    }
}
