package org.cusax.core.event;

/**
 * One method per event type: an implementation (the JSON encoder, a UI) handles every type, and a new
 * event type does not compile until each implementation handles it. Java 17 has no pattern switch over
 * a sealed type without preview features; this is the same check done by the compiler.
 */
public interface EventVisitor<R> {
    R visit(ConnectionChanged event);

    R visit(SecurityParityChanged event);

    R visit(ChatMessageReceived event);

    R visit(ChatMessageStatusChanged event);

    R visit(ContactsLoading event);

    R visit(ContactsLoaded event);

    R visit(ContactsCapped event);

    R visit(ContactUpdated event);

    R visit(ContactRemoved event);

    R visit(SubscriptionRequest event);

    R visit(CallRinging event);

    R visit(CallAnswered event);

    R visit(CallEnded event);

    R visit(IncomingCall event);

    R visit(DtmfReceived event);

    R visit(CallHeld event);

    R visit(CallResumed event);

    R visit(CallMuted event);

    R visit(AudioDeviceFailed event);

    R visit(CallAudioDeviceChanged event);
}
