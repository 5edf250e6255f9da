package org.cusax.core.client;

/**
 * What a session holds in memory at one moment; every count returns to 0 when nothing is going on.
 *
 * @param calls              calls not yet ended (ringing, answered, on hold)
 * @param callsUp            answered calls that "on the phone" presence still counts
 * @param callerBindings     callers bound to the calls not yet ended (call book and history recorder)
 * @param pendingDeliveries  chat messages queued or written but not yet acknowledged or refused
 * @param deliveryWaiters    senders waiting for such a message's final state
 */
public record LiveState(int calls, int callsUp, int callerBindings, int pendingDeliveries, int deliveryWaiters) {
    /** Whether nothing is live: no call, no binding, no delivery under way. */
    public boolean idle() {
        return calls == 0 && callsUp == 0 && callerBindings == 0 && pendingDeliveries == 0 && deliveryWaiters == 0;
    }
}
