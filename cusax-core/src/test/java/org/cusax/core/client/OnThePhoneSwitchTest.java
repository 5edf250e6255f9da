package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.cusax.core.config.PresenceSettings;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
import org.cusax.core.testing.FakeChatPort;
import org.junit.jupiter.api.Test;

/** RFC 7081 §4 "on the phone" presence switched by the user during the session, also in the middle of a call. */
class OnThePhoneSwitchTest {
    private final FakeChatPort chat = new FakeChatPort();
    private final OnThePhone onThePhone = new OnThePhone(PresenceSettings.defaults(), Optional.of(chat), Runnable::run);
    private final Presence onPhone = PresenceSettings.defaults().onThePhonePresence();
    private final Presence chosen = new Presence(Availability.CHAT, "here");

    @Test
    void switchedOffDuringACallTheChosenPresenceShowsAtOnceAndNextCallsLeaveItAlone() {
        onThePhone.choose(chosen);
        onThePhone.callUp("c1");
        onThePhone.enabled(false);
        onThePhone.callEnded("c1");
        onThePhone.callUp("c2");

        assertThat(chat.presences()).containsExactly(chosen, onPhone, chosen);
        assertThat(onThePhone.enabled()).isFalse();
        assertThat(onThePhone.current()).isEqualTo(chosen);
    }

    @Test
    void switchedOnDuringACallOnThePhoneShowsAtOnce() {
        onThePhone.enabled(false);
        onThePhone.callUp("c1");
        onThePhone.enabled(true);
        onThePhone.enabled(true); // no change: nothing sent

        assertThat(chat.presences()).containsExactly(onPhone);
        onThePhone.callEnded("c1");
        assertThat(chat.presences()).last().extracting(Presence::availability).isEqualTo(Availability.AVAILABLE);
    }
}
