package org.cusax.core.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.contact.Contact;
import org.cusax.core.event.EventListener;
import org.cusax.core.routing.RoutingDecision;

/**
 * The one command API every user interface speaks: CLI, web page, daemon socket and tests alike. Its
 * answers and the events a subscriber receives are plain data that render directly as JSON.
 */
public interface CusaxCommands {
    /** Current state of both halves. */
    ServiceStatus status();

    /** Waits until each configured half is online or has failed for good, at most {@code timeout}. */
    ServiceStatus awaitSettled(Duration timeout) throws InterruptedException;

    /**
     * Sends a chat message; returns at once. If Chat is down the message is queued and sent after
     * reconnection. Throws {@link IllegalArgumentException} for an invalid address or empty text.
     */
    ChatMessage sendChat(String peerJid, String text);

    /** Waits until the message is acknowledged or failed, at most {@code timeout}; its last state. */
    Optional<DeliveryState> awaitDelivery(String messageId, Duration timeout) throws InterruptedException;

    /** The contact list (the roster) with each contact's presence and telephony addresses. */
    List<Contact> contacts();

    /** Waits until every contact's details are known (from the server or the cache). */
    boolean awaitContactsLoaded(Duration timeout) throws InterruptedException;

    /**
     * Decides how a call to {@code target} (a roster JID, a SIP/tel URI or a number) would go: which
     * account, which address — or what the user must choose, or why it cannot go (RFC 7081 §4).
     */
    RoutingDecision route(String target);

    /**
     * Whether a call that leaves our service (a decision flagged inter-domain, RFC 7081 §5) needs the user's
     * confirmation before it is dialled ({@code routing.confirm-inter-domain}).
     */
    boolean confirmInterDomain();

    /**
     * Places a call to a SIP/SIPS URI, or to any target {@link #route} resolves to one SIP address.
     * Returns the call in state DIALING; progress arrives as call events.
     */
    Call placeCall(String target, AudioPlan audio);

    /**
     * The same, through the account the user chose: {@code sip}, {@code xmpp} or an account's address
     * (when several accounts can call, or to insist on one); empty = as {@link #route} decides.
     */
    Call placeCall(String target, AudioPlan audio, java.util.Optional<String> via);

    /** Answers a ringing incoming call. */
    void answer(String callId, AudioPlan audio);

    /** Rejects a ringing incoming call with a final SIP status (486 busy, 603 decline…). */
    void reject(String callId, int sipStatus);

    /** Ends a call in any state (cancels while ringing). */
    void hangUp(String callId);

    /** Holds an answered call (re-INVITE, a=sendonly); a {@code call-held} event follows. */
    void hold(String callId);

    /** Ends our hold of a call (re-INVITE, a=sendrecv); a {@code call-resumed} event follows. */
    void resume(String callId);

    /** Sends DTMF digits (0-9, *, #, A-D) in an answered call. */
    void sendDtmf(String callId, String digits);

    /**
     * Mutes ({@code true}) or unmutes our microphone in a live call. A muted call sends silence rather than
     * nothing, so the far end's media-inactivity timers do not hang it up; a {@code call-muted} event follows.
     */
    void mute(String callId, boolean muted);

    /**
     * Moves an answered (or held) call's microphone ({@code input}) and/or speaker ({@code output}) to other
     * sound devices while it runs, without a re-INVITE: RTP, SRTP and the jitter buffer go on as they are.
     * A name that matches no device (or several) is an {@link IllegalArgumentException} and changes nothing.
     */
    void switchAudioDevices(String callId, Optional<String> input, Optional<String> output);

    /** The machine's sound devices that calls can use ({@code audio.input} / {@code audio.output}); empty without a sound system. */
    List<org.cusax.core.audio.AudioDevice> audioDevices();

    /** The session's calls, oldest first. */
    List<Call> calls();

    /** Waits until the call reaches {@code state} (or has ended), at most {@code timeout}; its last snapshot. */
    Optional<Call> awaitCall(String callId, CallState state, Duration timeout) throws InterruptedException;

    /**
     * Who an incoming call is from: the calling address and the roster contact it is bound to, if any
     * (RFC 7081 §5); empty for our own calls and unknown ids.
     */
    Optional<org.cusax.core.call.CallerIdentity> caller(String callId);

    /**
     * Sends a chat message to the contact an incoming call is bound to (call → chat, RFC 7081 §4).
     * Throws {@link IllegalArgumentException} for an unknown call and {@link IllegalStateException}
     * when the call is not bound to a contact.
     */
    ChatMessage chatWithCaller(String callId, String text);

    /**
     * Adds a contact to the roster with a name and groups, asking to see its presence (RFC 6121 §2.3, §3.1.1);
     * for a JID already there, changes its name and groups. Runs on the XMPP half; the future fails with
     * {@link org.cusax.core.port.RosterChangeException} when the server refuses or Chat is down. Throws
     * {@link IllegalArgumentException} for a bad JID or name.
     */
    java.util.concurrent.CompletableFuture<Void> addContact(String jid, String name, List<String> groups);

    /** Gives a contact a new name and groups (RFC 6121 §2.4); like {@link #addContact}. */
    java.util.concurrent.CompletableFuture<Void> updateContact(String jid, String name, List<String> groups);

    /** Removes a contact, cancelling the presence subscriptions both ways (RFC 6121 §2.5); like {@link #addContact}. */
    java.util.concurrent.CompletableFuture<Void> removeContact(String jid);

    /**
     * Approves (and asks to see theirs back, when not yet) or denies a request to see our presence
     * (RFC 6121 §3.1.3–§3.2.1); like {@link #addContact}.
     */
    java.util.concurrent.CompletableFuture<Void> answerSubscription(String jid, boolean approve);

    /**
     * A contact's picture (vCard PHOTO, XEP-0153), fetched on the XMPP half and kept while its hash stays the
     * same; empty when it has none or it is not a PNG, JPEG, GIF or WebP image of at most
     * {@link org.cusax.core.contact.Avatar#MAX_BYTES}. Throws {@link IllegalArgumentException} for a non-contact.
     */
    java.util.concurrent.CompletableFuture<java.util.Optional<org.cusax.core.contact.Avatar>> avatar(String jid);

    /** The requests to see our presence waiting for an answer, oldest first. */
    List<String> subscriptionRequests();

    /**
     * Switches "on the phone" presence (RFC 7081 §4, {@code presence.on-the-phone}) on or off for this session;
     * during a call the presence shown follows at once.
     */
    void setOnThePhone(boolean on);

    /**
     * Whether our calls from now on carry our XMPP address as {@code Call-Info ...;purpose=impp} (RFC 7081 §5,
     * {@code sip.call-info}); off for privacy.
     */
    void setCallInfo(boolean on);

    /**
     * Changes the feature switches of {@code half}'s account in the running session (CUSAX §3): routing and
     * chat follow at once, and the account's port applies them (see {@code TelephonyPort#setFeatures},
     * {@code ChatPort#setFeatures}). {@link IllegalStateException} when the session has no such account.
     */
    void setFeatures(org.cusax.core.service.Half half, org.cusax.core.account.Features features);

    /** The presence the user chose (available until {@link #setPresence}), and the one shown now (it differs on the phone). */
    java.util.List<org.cusax.core.contact.Presence> ownPresence();

    /** Our own presence as the user chooses it; while a call is up "on the phone" is shown instead, then this. */
    void setPresence(org.cusax.core.contact.Presence presence);

    /**
     * The conversation history, oldest first: calls and chat messages, kept across restarts when a
     * history directory is configured.
     *
     * @param contactJid only this contact's calls and messages; empty = everything
     * @param limit      the newest {@code limit} entries (0 = all)
     */
    List<org.cusax.core.history.HistoryEntry> history(Optional<String> contactJid, int limit);

    /** Receives every event from now on; close the handle to stop. */
    AutoCloseable subscribe(EventListener listener);
}
