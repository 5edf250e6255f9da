package org.cusax.xmpp.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;

/** An incoming Jingle session-initiate (XEP-0166 §7.2) is refused with service-unavailable (§10, RFC 6120 §8.4). */
class JingleRejectorTest {
    private static final String SESSION_INITIATE = "<iq xmlns='jabber:client' type='set' id='j1' "
            + "from='romeo@cusax.test/orchard' to='alice@cusax.test/cusax'>"
            + "<jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' initiator='romeo@cusax.test/orchard' sid='a73sjjvkla37jfea'>"
            + "<content creator='initiator' name='voice'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>"
            + "<payload-type id='0' name='PCMU'/></description>"
            + "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'/></content></jingle></iq>";

    @Test
    void sessionInitiateGetsServiceUnavailable() throws Exception {
        IQ request = PacketParserUtils.parseStanza(SESSION_INITIATE);
        IQ reply = new JingleRejector.Handler().handleIQRequest(request);
        assertThat(reply.getType()).isEqualTo(IQ.Type.error);
        assertThat(reply.getStanzaId()).isEqualTo("j1");
        assertThat(reply.getTo().toString()).isEqualTo("romeo@cusax.test/orchard");
        assertThat(reply.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
    }

    @Test
    void handlesJingleSetRequestsOnly() {
        JingleRejector.Handler handler = new JingleRejector.Handler();
        assertThat(handler.getElement()).isEqualTo("jingle");
        assertThat(handler.getNamespace()).isEqualTo("urn:xmpp:jingle:1");
        assertThat(handler.getType()).isEqualTo(IQ.Type.set);
    }
}
