package org.cusax.core.event;

import java.time.Instant;

/** Something a user interface may want to show. */
public sealed interface CusaxEvent
        permits ConnectionChanged, SecurityParityChanged, ChatMessageReceived, ChatMessageStatusChanged,
        ContactsLoading, ContactsLoaded, ContactsCapped, ContactUpdated, ContactRemoved, SubscriptionRequest,
        CallRinging, CallAnswered, CallEnded, IncomingCall, DtmfReceived, CallHeld, CallResumed,
        CallMuted, AudioDeviceFailed, CallAudioDeviceChanged {

    /** When it happened. */
    Instant at();

    /** Stable name of the event type, as used in JSON output (e.g. {@code connection}). */
    String type();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(EventVisitor<R> visitor);
}
