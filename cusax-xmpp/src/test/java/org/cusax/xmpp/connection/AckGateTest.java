package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * XEP-0198 §4 (acks) with Smack 4.4.8: the gate's bound is derived from Smack's queue sizes; if a Smack
 * upgrade changes them, this fails and {@link AckGate#LIMIT} must be recomputed. The gate at work (thousands
 * of stanzas against Prosody) is {@code PipelinedContactsIT}.
 */
class AckGateTest {
    private static int smackWriterConstant(String name) throws Exception {
        Class<?> writer = Class.forName("org.jivesoftware.smack.tcp.XMPPTCPConnection$PacketWriter");
        return writer.getField(name).getInt(null);
    }

    @Test
    void theUnacknowledgedQueueNeverFillsSoTheWriterNeverBlocksOnIt() throws Exception {
        int unacknowledgedQueue = smackWriterConstant("UNACKKNOWLEDGED_STANZAS_QUEUE_SIZE");
        assertThat(unacknowledgedQueue).isEqualTo(1024);
        assertThat(AckGate.LIMIT + AckGate.MARGIN).isLessThan(unacknowledgedQueue);
    }

    @Test
    void aMessageWeighsItsAckRequestToo() {
        assertThat(AckGate.weight(org.jivesoftware.smack.packet.StanzaBuilder.buildMessage().build())).isEqualTo(2);
        assertThat(AckGate.weight(org.jivesoftware.smack.packet.StanzaBuilder.buildPresence().build())).isEqualTo(1);
    }

    @Test
    void theWriterQueueNeverFillsSoTheReaderNeverBlocksQueueingAnAck() throws Exception {
        int writerQueue = smackWriterConstant("QUEUE_SIZE");
        assertThat(writerQueue).isEqualTo(500);
        // the counted weight (a message with its <r/> weighs 2), one <r/> per 5 other stanzas, the reader's
        // <a/> (the server awaits it before asking again), the one a disconnect adds, an explicit <r/>
        int worst = (AckGate.LIMIT + AckGate.MARGIN) + (AckGate.LIMIT + AckGate.MARGIN + 4) / 5 + 4;
        assertThat(worst).isLessThan(writerQueue);
    }
}
