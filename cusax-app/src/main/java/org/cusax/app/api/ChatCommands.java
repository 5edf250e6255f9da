package org.cusax.app.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.call.Call;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.client.CusaxCommands;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;

/**
 * {@code chat} and {@code chat-with-caller}: the message is queued at once (nothing is lost while Chat
 * is down); with {@code waitMs} the answer comes when the server acknowledged or refused it, or the wait ran out.
 */
final class ChatCommands {
    private final CusaxCommands core;

    ChatCommands(CusaxCommands core) {
        this.core = core;
    }

    void registerIn(CommandRegistry r) {
        r.register("chat", "send a chat message {to, text, waitMs?}", this::chat);
        r.register("chat-with-caller", "chat with the contact a call is bound to {callId?, text, waitMs?}",
                this::chatWithCaller);
    }

    private Object chat(Params p) throws ApiException, InterruptedException {
        String to = SessionCommands.requireJid(p.string("to"));
        String text = p.string("text");
        return deliver(send(() -> core.sendChat(to, text)), p.optMillis("waitMs"));
    }

    private Object chatWithCaller(Params p) throws ApiException, InterruptedException {
        Call call = CallPicker.pick(core.calls(), p.optString("callId"), "chat with the caller of",
                c -> c.direction() == org.cusax.core.call.CallDirection.INCOMING);
        String text = p.string("text");
        if (core.caller(call.id()).flatMap(c -> c.boundJid()).isEmpty()) {
            throw new ApiException(ErrorCode.CONFLICT, "call " + call.id() + " is not bound to a contact: no one to chat with");
        }
        return deliver(send(() -> core.chatWithCaller(call.id(), text)), p.optMillis("waitMs"));
    }

    private interface Send {
        ChatMessage run();
    }

    private ChatMessage send(Send send) throws ApiException {
        try {
            return send.run();
        } catch (IllegalStateException e) {
            throw new ApiException(ErrorCode.CHAT_DOWN, e.getMessage());
        }
    }

    private Map<String, Object> deliver(ChatMessage message, Optional<Duration> wait) throws InterruptedException {
        DeliveryState state = DeliveryState.QUEUED;
        if (wait.isPresent()) {
            long deadline = System.nanoTime() + wait.get().toNanos();
            while (System.nanoTime() < deadline) {
                Optional<DeliveryState> s = core.awaitDelivery(message.id(), Duration.ofMillis(100));
                if (s.isEmpty()) { // left the outbox: acknowledged
                    state = DeliveryState.ACKNOWLEDGED;
                    break;
                }
                state = s.get();
                if (state == DeliveryState.ACKNOWLEDGED || state == DeliveryState.FAILED
                        || core.status().chat().state() == ConnectionState.FAILED) {
                    break;
                }
            }
        }
        ConnectionStatus chat = core.status().chat();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", message.id());
        m.put("to", message.peer());
        m.put("state", state.name().toLowerCase(Locale.ROOT));
        m.put("chat", chat.state().name().toLowerCase(Locale.ROOT));
        m.put("reason", state == DeliveryState.ACKNOWLEDGED ? null : chat.reason().map(r -> r.message()).orElse(null));
        return m;
    }
}
