package org.cusax.xmpp.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Roster items as the application sees them (RFC 6121 §2.1.2). */
class RosterContactTest {
    @Test
    void nameIsOptionalAndSubscriptionDefaultsToNone() {
        RosterContact c = new RosterContact("bob@cusax.test", null, null);
        assertThat(c.name()).isEqualTo(Optional.empty());
        assertThat(c.subscription()).isEqualTo("none");
    }

    @Test
    void jidIsRequired() {
        assertThatThrownBy(() -> new RosterContact(" ", Optional.empty(), "both"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a roster contact needs a JID");
    }
}
