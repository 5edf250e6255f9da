package org.cusax.app.json;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cusax.core.account.Account;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.client.SecurityParity;
import org.cusax.core.client.ServiceStatus;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.service.CusaxLink;

/** Maps core answers and events to plain maps (ordered), ready to be written as JSON. */
public final class JsonModel {
    private JsonModel() {
    }

    public static Map<String, Object> status(ServiceStatus status, CusaxLink link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chat", half(status.chat(), link));
        m.put("telephony", half(status.telephony(), link));
        m.put("securityParity", parity(status.parity()));
        return m;
    }

    public static Map<String, Object> half(ConnectionStatus s, CusaxLink link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("half", lower(s.half().name()));
        m.put("label", s.half().label());
        m.put("protocol", s.half().protocol().name());
        m.put("account", link.account(s.half()).map(Account::address).orElse(null));
        m.put("state", lower(s.state().name()));
        m.put("since", s.since().toString());
        m.put("reason", s.reason().map(JsonModel::reason).orElse(null));
        m.put("security", s.state().up() ? security(s.security()) : null);
        if (s.attempt() > 0) {
            m.put("attempt", s.attempt());
        }
        s.retryIn().map(Duration::toMillis).ifPresent(ms -> m.put("retryInMs", ms));
        return m;
    }

    public static Map<String, Object> reason(FailureReason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", lower(r.kind().name()));
        m.put("message", r.message());
        return m;
    }

    public static Map<String, Object> security(ChannelSecurity s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encrypted", s.encrypted());
        m.put("tls", s.tlsProtocol().orElse(null));
        m.put("cipher", s.cipherSuite().orElse(null));
        m.put("verifiedFor", s.verifiedIdentity().orElse(null));
        m.put("authentication", s.authentication().orElse(null));
        m.put("summary", s.describe());
        return m;
    }

    public static Map<String, Object> parity(SecurityParity p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matched", p.matched());
        m.put("chat", p.chat().map(l -> lower(l.name())).orElse(null));
        m.put("telephony", p.telephony().map(l -> lower(l.name())).orElse(null));
        m.put("explanation", p.explanation());
        m.put("profile", p.decision().profile().configValue());
        m.put("decision", lower(p.decision().verdict().name()));
        m.put("weaker", p.decision().weaker().map(h -> lower(h.label())).orElse(null));
        m.put("remedy", p.decision().remedy().orElse(null));
        m.put("chatProtection", p.decision().chat().map(h -> h.describe()).orElse(null));
        m.put("telephonyProtection", p.decision().telephony().map(h -> h.describe()).orElse(null));
        return m;
    }

    public static Map<String, Object> message(ChatMessage msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", msg.id());
        m.put("peer", msg.peer());
        m.put("direction", lower(msg.direction().name()));
        m.put("body", msg.displayBody());
        m.put("timestamp", msg.timestamp().toString());
        return m;
    }

    /** One event as a flat object with {@code type} and {@code at} first (the API's one event encoder). */
    public static Map<String, Object> event(CusaxEvent event, CusaxLink link) {
        return new org.cusax.app.api.EventEncoder(link).encode(event);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
