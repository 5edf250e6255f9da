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
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.ContactRemoved;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.event.ContactsLoading;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.SecurityParityChanged;
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
        m.put("body", msg.body());
        m.put("timestamp", msg.timestamp().toString());
        return m;
    }

    /** One event as a flat object with {@code type} and {@code at} first. */
    public static Map<String, Object> event(CusaxEvent event, CusaxLink link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", event.type());
        m.put("at", event.at().toString());
        if (event instanceof ConnectionChanged c) {
            m.putAll(half(c.status(), link));
        } else if (event instanceof SecurityParityChanged p) {
            m.putAll(parity(p.parity()));
        } else if (event instanceof ChatMessageReceived r) {
            m.put("from", r.message().peer());
            m.put("body", r.message().body());
            m.put("id", r.message().id());
        } else if (event instanceof ContactsLoading l) {
            m.put("done", l.done());
            m.put("total", l.total());
        } else if (event instanceof ContactsLoaded l) {
            m.put("total", l.total());
        } else if (event instanceof ContactUpdated u) {
            m.putAll(ContactJson.contact(u.contact()));
        } else if (event instanceof ContactRemoved r) {
            m.put("jid", r.jid());
        } else if (event instanceof ChatMessageStatusChanged s) {
            m.put("id", s.message().id());
            m.put("to", s.message().peer());
            m.put("state", lower(s.state().name()));
            m.put("reason", s.reason().orElse(null));
        } else {
            m.putAll(CallJson.event(event));
        }
        return m;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
