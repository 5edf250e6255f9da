package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.cusax.xmpp.contacts.cache.ContactCache;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.junit.jupiter.api.Test;

/**
 * The loading rounds of a contact list (RFC 6121 §2.1.3 roster loads, XEP-0198 §5 resumption): what a round asks
 * for, when the list is reported loaded, and what an interrupted round still asks for when the stream is resumed.
 */
class LoadRoundsTest {
    private final RecordingCallbacks cb = new RecordingCallbacks();
    private final FakeTelQueries q = new FakeTelQueries(false);
    private final ContactLoader loader = new ContactLoader(q, 10, Runnable::run, new ContactLoader.Sink() {
        @Override
        public void loaded(String jid, TelKind kind, TelResult result) {
        }

        @Override
        public void failed(String jid, TelKind kind, Throwable cause) {
        }

        @Override
        public void dropped(String jid, TelKind kind, Throwable cause) {
        }
    });
    private final LoadRounds rounds = new LoadRounds(cb, ContactCache.inMemory(), loader);

    private static Map<String, EnumSet<TelKind>> waiting(String... jids) {
        Map<String, EnumSet<TelKind>> w = new LinkedHashMap<>();
        for (String jid : jids) {
            w.put(jid, EnumSet.allOf(TelKind.class));
        }
        return w;
    }

    @Test
    void withNothingToFetchTheListIsLoadedAtOnce() {
        rounds.start(3, Map.of(), Set.of());

        assertThat(cb.loaded()).containsExactly(3);
        assertThat(q.count()).isZero();
        assertThat(rounds.underWay()).isFalse();
    }

    @Test
    void aRoundAsksForWhatIsMissingExceptTheVcard4ThatComesByPepAndEndsWhenAllIsAnswered() {
        rounds.start(3, waiting("bob@x", "carol@x"), Set.of("carol@x")); // a third contact was cached

        assertThat(q.count("bob@x", TelKind.VCARD_TEMP)).isEqualTo(1);
        assertThat(q.count("bob@x", TelKind.VCARD4)).isEqualTo(1);
        assertThat(q.count("carol@x", TelKind.VCARD_TEMP)).isEqualTo(1);
        assertThat(q.count("carol@x", TelKind.VCARD4)).as("XEP-0163: by PEP, not requested").isZero();
        assertThat(cb.loading()).containsExactly("1/3");
        rounds.answered("bob@x", TelKind.VCARD_TEMP);
        rounds.answered("bob@x", TelKind.VCARD4);
        rounds.answered("carol@x", TelKind.VCARD_TEMP);
        assertThat(rounds.underWay()).as("carol's vCard4 still awaited").isTrue();
        assertThat(cb.loaded()).isEmpty();

        rounds.answered("carol@x", TelKind.VCARD4);

        assertThat(cb.loaded()).containsExactly(3);
        assertThat(rounds.fetched()).isEqualTo(2);
        assertThat(rounds.underWay()).isFalse();
        rounds.answered("carol@x", TelKind.VCARD4);
        assertThat(cb.loaded()).as("an answer after the end changes nothing").containsExactly(3);
    }

    @Test
    void anInterruptedRoundAsksAgainForWhatItStillAwaitedWhenTheStreamIsResumed() {
        rounds.start(2, waiting("bob@x", "carol@x"), Set.of());
        rounds.answered("carol@x", TelKind.VCARD_TEMP);
        rounds.answered("carol@x", TelKind.VCARD4);
        rounds.answered("bob@x", TelKind.VCARD_TEMP);
        rounds.interrupt();
        loader.cancelAll(); // what the connection's loss does to the requests in flight
        assertThat(rounds.underWay()).isFalse();

        rounds.resume();

        assertThat(q.count("bob@x", TelKind.VCARD4)).as("asked again").isEqualTo(2);
        assertThat(q.count("bob@x", TelKind.VCARD_TEMP)).as("answered before the loss").isEqualTo(1);
        assertThat(q.count("carol@x", TelKind.VCARD_TEMP)).isEqualTo(1);
        rounds.answered("bob@x", TelKind.VCARD4);
        assertThat(cb.loaded()).containsExactly(2);
        assertThat(rounds.fetched()).as("each contact counted once").isEqualTo(2);
    }

    @Test
    void aNewSessionDropsTheInterruptedRound() {
        rounds.start(1, waiting("bob@x"), Set.of());
        rounds.interrupt();
        loader.cancelAll();

        rounds.dropInterrupted();
        rounds.resume();

        assertThat(q.count()).as("only the first round's requests").isEqualTo(2);
        assertThat(rounds.underWay()).isFalse();
        assertThat(cb.loaded()).isEmpty();
    }
}
