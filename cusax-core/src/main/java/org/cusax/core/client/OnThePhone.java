package org.cusax.core.client;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.cusax.core.config.PresenceSettings;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
import org.cusax.core.port.ChatPort;

/**
 * "On the phone" (RFC 7081 §4: the XMPP presence reflects the telephony state): while at least one call
 * is up our presence shows the configured mapping; when the last one ends the presence the user chose
 * is shown again. The XMPP half is told through {@link OwnPresencePublisher}, on its own executor, so the
 * SIP callback that reports a call never waits on the XMPP writer. Also decides whether a new incoming
 * call gets 486 Busy Here. Thread-safe.
 */
final class OnThePhone {
    private PresenceSettings settings;
    private final Optional<OwnPresencePublisher> chat;
    private final Set<String> callsUp = new HashSet<>();
    private Presence chosen = Presence.of(Availability.AVAILABLE);

    OnThePhone(PresenceSettings settings, Optional<ChatPort> chat, java.util.concurrent.Executor chatWork) {
        this.settings = settings;
        this.chat = chat.map(port -> new OwnPresencePublisher(port, chatWork));
    }

    /** A call was answered (either direction). */
    synchronized void callUp(String callId) {
        if (callsUp.add(callId) && callsUp.size() == 1 && settings.onThePhone()) {
            show(settings.onThePhonePresence());
        }
    }

    /** A call ended (whatever state it was in). */
    synchronized void callEnded(String callId) {
        if (callsUp.remove(callId) && callsUp.isEmpty() && settings.onThePhone()) {
            show(chosen);
        }
    }

    /** The user's own presence choice; shown now unless a call is up (then after it). */
    synchronized void choose(Presence presence) {
        chosen = presence;
        if (callsUp.isEmpty() || !settings.onThePhone()) {
            show(presence);
        }
    }

    /**
     * Switches "on the phone" on or off for the session (presence.on-the-phone): during a call the presence shown
     * follows at once.
     */
    synchronized void enabled(boolean on) {
        if (settings.onThePhone() == on) {
            return;
        }
        settings = new PresenceSettings(on, settings.onThePhonePresence(), settings.busyWhenOnPhone());
        if (!callsUp.isEmpty()) {
            show(on ? settings.onThePhonePresence() : chosen);
        }
    }

    synchronized boolean enabled() {
        return settings.onThePhone();
    }

    /** Calls up (answered, not ended) that this object still tracks: live state only. */
    synchronized int callsUp() {
        return callsUp.size();
    }

    synchronized boolean onThePhone() {
        return !callsUp.isEmpty();
    }

    /** Whether a new incoming call is to be refused with 486: the option is on and we are on the phone or in DND. */
    synchronized boolean refuseAsBusy() {
        return settings.busyWhenOnPhone() && (!callsUp.isEmpty() || chosen.availability() == Availability.DND);
    }

    /** The presence the user chose (shown whenever no call is up, or "on the phone" is off). */
    synchronized Presence chosen() {
        return chosen;
    }

    /** What our presence shows now. */
    synchronized Presence current() {
        return !callsUp.isEmpty() && settings.onThePhone() ? settings.onThePhonePresence() : chosen;
    }

    private void show(Presence presence) {
        chat.ifPresent(publisher -> publisher.show(presence));
    }
}
