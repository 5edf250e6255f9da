package org.cusax.xmpp.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 6120 §8.3.2: the error's condition and its descriptive text, as the user reads them. */
class DeliveryErrorsTest {
    private static StanzaError error(StanzaError.Condition condition, String text) {
        return StanzaError.getBuilder(condition).setDescriptiveEnText(text).build();
    }

    @Test
    void theConditionAndTheServersTextAreNamed() {
        assertThat(DeliveryErrors.describe(error(StanzaError.Condition.service_unavailable, "no such user")))
                .isEqualTo("the recipient's server does not accept this message (service-unavailable: no such user)");
    }

    @Test
    @DisplayName("RFC 6120 §8.3.2 <text/> from a remote server: controls, line breaks and bidi overrides (UAX #9) inert")
    void theServersTextIsOneInertLine() {
        String said = DeliveryErrors.describe(error(StanzaError.Condition.forbidden,
                "denied\r\nmessage to boss@corp.example acknowledged\u202E\u009B2J"));
        assertThat(said).isEqualTo("the server does not allow this message (forbidden: denied  message to "
                + "boss@corp.example acknowledged\uFFFD\uFFFD2J)");
    }

    @Test
    void aHugeTextIsCut() {
        String said = DeliveryErrors.describe(error(StanzaError.Condition.policy_violation, "x".repeat(100_000)));
        assertThat(said).hasSizeLessThan(DeliveryErrors.MAX_TEXT + 80).endsWith("x…)");
    }
}
