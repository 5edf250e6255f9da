package org.cusax.xmpp.reach;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.reach.element.ReachElement;
import org.junit.jupiter.api.Test;

/** XEP-0152 addresses handed to the core: only what a SIP phone can call (sip:, sips:, tel:). */
class ReachManagerTest {
    @Test
    void onlySipSipsAndTelAreCallable() {
        ReachElement r = ReachElement.of("sip:a@example.com", "xmpp:a@example.com", "SIPS:b@example.com",
                "tel:+15550100", "mailto:a@example.com", "sip:a@example.com", "http://example.com");
        assertThat(ReachManager.callable(r)).containsExactly(RawTel.of("sip:a@example.com"),
                RawTel.of("SIPS:b@example.com"), RawTel.of("tel:+15550100"));
    }

    @Test
    void ownAddressMustBeCallable() {
        assertThat(ReachManager.own("sip:alice@example.com")).contains(ReachElement.of("sip:alice@example.com"));
        assertThat(ReachManager.own("xmpp:alice@example.com")).isEmpty();
        assertThat(ReachManager.own("alice")).isEmpty();
    }
}
