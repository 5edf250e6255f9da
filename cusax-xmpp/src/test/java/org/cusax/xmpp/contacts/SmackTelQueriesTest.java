package org.cusax.xmpp.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;

/** RFC 6120 §8.3.2 error types: which answers settle a vCard question, which failures are worth a retry. */
class SmackTelQueriesTest {
    private static XMPPException.XMPPErrorException error(StanzaError.Condition condition, StanzaError.Type type) {
        StanzaError e = StanzaError.getBuilder(condition).setType(type).build();
        return new XMPPException.XMPPErrorException(StanzaBuilder.buildMessage().build(), e);
    }

    @Test
    void anErrorAnswerOtherThanWaitMeansNoTels() {
        assertThat(SmackTelQueries.definitive(error(StanzaError.Condition.item_not_found, StanzaError.Type.CANCEL)))
                .isTrue();
        assertThat(SmackTelQueries.definitive(new CompletionException(
                error(StanzaError.Condition.forbidden, StanzaError.Type.AUTH)))).isTrue();
        assertThat(SmackTelQueries.definitive(error(StanzaError.Condition.resource_constraint, StanzaError.Type.WAIT)))
                .isFalse();
        assertThat(SmackTelQueries.definitive(new TimeoutException())).isFalse();
    }

    @Test
    void aLostConnectionIsNotRetriedATimeoutIs() {
        SmackTelQueries q = new SmackTelQueries(null, null);
        assertThat(q.retryable(new CompletionException(new SmackException.NotConnectedException()))).isFalse();
        assertThat(q.retryable(new TimeoutException())).isTrue();
    }

    /**
     * XEP-0198 §4 with Smack 4.4.8: the window is derived from Smack's writer queue size and its ack
     * request every 5 stanzas; if a Smack upgrade changes that queue, this fails and the window must be
     * recomputed.
     */
    @Test
    void theWindowKeepsSmacksWriterQueueFromFilling() throws Exception {
        Class<?> writer = Class.forName("org.jivesoftware.smack.tcp.XMPPTCPConnection$PacketWriter");
        assertThat(writer.getField("QUEUE_SIZE").getInt(null)).isEqualTo(SmackTelQueries.SMACK_WRITER_QUEUE);
        int window = SmackTelQueries.WINDOW;
        assertThat(window + (window + 4) / 5 + SmackTelQueries.WRITER_QUEUE_RESERVE)
                .isLessThanOrEqualTo(SmackTelQueries.SMACK_WRITER_QUEUE);
        assertThat(window).isGreaterThan(256);
        assertThat(new SmackTelQueries(null, null).maxOutstanding()).isEqualTo(window);
    }
}
