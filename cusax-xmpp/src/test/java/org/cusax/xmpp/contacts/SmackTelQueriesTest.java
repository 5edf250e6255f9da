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
}
