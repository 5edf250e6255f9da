package org.cusax.sandbox.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.apache.vysper.xml.fragment.XMLText;
import org.apache.vysper.xmpp.modules.core.sasl.SASLFailureType;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;

/** The SASL elements of RFC 6120 §6.4 with their base64 payloads. */
final class SaslStanzas {
    private static final String NS = NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_SASL;

    private SaslStanzas() {
    }

    static Stanza challenge(String payload) {
        return withPayload("challenge", payload);
    }

    /** {@code <success/>} with additional data (RFC 6120 §6.3.10), e.g. SCRAM's server-final-message. */
    static Stanza success(String additionalData) {
        return withPayload("success", additionalData);
    }

    static Stanza failure(SASLFailureType type) {
        return new StanzaBuilder("failure", NS).startInnerElement(type.value(), NS).endInnerElement().build();
    }

    /** The decoded text of an {@code <auth/>} or {@code <response/>}; empty for none or {@code =}. */
    static Optional<String> payload(Stanza stanza) throws IllegalArgumentException {
        StringBuilder text = new StringBuilder();
        for (XMLText t : stanza.getInnerTexts()) {
            text.append(t.getText());
        }
        String b64 = text.toString().strip();
        if (b64.isEmpty() || b64.equals("=")) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
    }

    private static Stanza withPayload(String name, String payload) {
        return new StanzaBuilder(name, NS)
                .addText(Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))).build();
    }
}
