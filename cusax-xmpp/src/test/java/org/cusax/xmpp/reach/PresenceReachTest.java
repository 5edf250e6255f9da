package org.cusax.xmpp.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cusax.core.contact.RawTel;
import org.junit.jupiter.api.Test;

/** XEP-0152 §3 in presence: per resource, replaced by each presence, cleared by unavailable. */
class PresenceReachTest {
    private final PresenceReach reach = new PresenceReach();
    private static final RawTel DESK = RawTel.of("sip:bob-desk@example.com");
    private static final RawTel MOBILE = RawTel.of("tel:+15550100");

    @Test
    void presenceWithoutReachAfterOneWithReachClearsIt() {
        assertThat(reach.update("bob@x", "desk", true, List.of(DESK))).contains(List.of(DESK));
        assertThat(reach.update("bob@x", "desk", true, List.of(DESK))).isEmpty(); // unchanged: nothing to report
        assertThat(reach.update("bob@x", "desk", true, List.of())).contains(List.of());
    }

    @Test
    void unionOverResourcesAndUnavailableRemovesTheResource() {
        reach.update("bob@x", "desk", true, List.of(DESK));
        assertThat(reach.update("bob@x", "phone", true, List.of(MOBILE, DESK))).contains(List.of(DESK, MOBILE));
        assertThat(reach.update("bob@x", "desk", false, List.of())).contains(List.of(MOBILE, DESK));
        assertThat(reach.update("bob@x", "phone", false, List.of())).contains(List.of());
        assertThat(reach.union("bob@x")).isEmpty();
    }

    @Test
    void clearAllNamesTheContactsThatHadAddresses() {
        reach.update("bob@x", "desk", true, List.of(DESK));
        reach.update("carol@x", "a", true, List.of());
        assertThat(reach.clearAll()).containsExactly("bob@x");
        assertThat(reach.clear("bob@x")).isEmpty();
    }
}
