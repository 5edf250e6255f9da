package org.cusax.core.client;

import java.util.Optional;
import java.util.Set;

import org.cusax.core.call.Call;
import org.cusax.core.call.CallDirection;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.contact.ContactDirectory;
import org.cusax.core.event.CallEnded;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.EventListener;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.history.CallOutcome;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.HistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the conversation history as it happens: every ended call (with the contact it was bound to)
 * and every chat message received or sent, and again, marked failed, a sent message the server refused.
 * A failing store never disturbs the session. It learns who an incoming call is from from the
 * {@link IncomingCall} event itself (in event order, so the binding is known when the call's end arrives
 * however far the event thread lags) and forgets it at the call's end.
 */
final class HistoryRecorder implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

    private final HistoryStore store;
    private final ContactDirectory contacts;
    /** Who each incoming call not yet ended is from; touched only on the event thread. */
    private final java.util.Map<String, CallerIdentity> callers = new java.util.concurrent.ConcurrentHashMap<>();

    HistoryRecorder(HistoryStore store, ContactDirectory contacts) {
        this.store = store;
        this.contacts = contacts;
    }

    /** Caller bindings of calls not yet recorded as ended. */
    int liveCallerBindings() {
        return callers.size();
    }

    @Override
    public void onEvent(CusaxEvent event) {
        if (event instanceof IncomingCall incoming) {
            callers.put(incoming.call().id(), incoming.caller());
        } else if (event instanceof CallEnded ended) {
            Call c = ended.call();
            append(new CallRecord(c.id(), c.started(), c.direction(), c.remote(), contactOf(c), ended.duration(),
                    CallOutcome.of(c.direction(), c.answered().isPresent(), ended.reason())));
        } else if (event instanceof ChatMessageReceived received) {
            append(ChatRecord.of(received.message()));
        } else if (event instanceof ChatMessageStatusChanged status && status.state() == DeliveryState.FAILED) {
            // appended again with the same id: readers keep the last record of a message
            append(ChatRecord.of(status.message()).failed(status.reason().orElse("failed")));
        }
    }

    /** A message we sent (there is no event for that). */
    void sent(ChatMessage message) {
        append(ChatRecord.of(message));
    }

    /** The contact bound when the call came in; for our own calls, the one contact owning the address we called. */
    private Optional<String> contactOf(Call c) {
        if (c.direction() == CallDirection.INCOMING) {
            CallerIdentity caller = callers.remove(c.id());
            return caller == null ? Optional.empty() : caller.boundJid();
        }
        Set<String> owners = contacts.owners(c.remote());
        return owners.size() == 1 ? Optional.of(owners.iterator().next()) : Optional.empty();
    }

    private void append(org.cusax.core.history.HistoryEntry entry) {
        try {
            store.append(entry);
        } catch (RuntimeException e) {
            LOG.warn("could not record a {} in the history: {}", entry.kind(), e.getMessage());
        }
    }
}
