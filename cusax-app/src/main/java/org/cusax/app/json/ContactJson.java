package org.cusax.app.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cusax.core.account.Account;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelType;
import org.cusax.core.routing.InterDomain;
import org.cusax.core.routing.RoutingDecision;

/** JSON of contacts (the {@code roster} command) and of routing decisions (the {@code call} command). */
public final class ContactJson {
    private ContactJson() {
    }

    public static Map<String, Object> contact(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", c.jid());
        m.put("name", c.displayName());
        m.put("rosterName", c.name());
        m.put("groups", c.groups());
        m.put("avatar", c.avatarHash().isEmpty() ? null : c.avatarHash());
        Map<String, Object> presence = new LinkedHashMap<>();
        presence.put("availability", c.presence().availability().token());
        presence.put("status", c.presence().status());
        m.put("presence", presence);
        m.put("tels", c.tels().stream().map(ContactJson::tel).toList());
        m.put("callable", c.callable());
        return m;
    }

    public static Map<String, Object> tel(TelAddress t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", t.uri());
        m.put("normalized", t.normalized().orElse(null));
        m.put("type", t.label().token());
        m.put("types", t.types().stream().map(TelType::name).map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList());
        m.put("source", t.source().token());
        m.put("callable", t.callable());
        return m;
    }

    public static Map<String, Object> decision(String target, RoutingDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("decision", d.type());
        if (d instanceof RoutingDecision.Route r) {
            m.put("account", r.account().address());
            m.put("protocol", r.account().protocol().name());
            m.put("address", r.address());
            m.put("label", r.label().token());
            m.put("contact", r.contact().orElse(null));
            interDomain(m, r.interDomain());
        } else if (d instanceof RoutingDecision.ChooseAccount c) {
            m.put("accounts", c.candidates().stream().map(Account::address).toList());
            m.put("address", c.address());
            m.put("label", c.label().token());
            m.put("contact", c.contact().orElse(null));
            interDomain(m, c.interDomain());
        } else if (d instanceof RoutingDecision.ChooseAddress c) {
            m.put("contact", c.contact());
            List<Map<String, Object>> options = c.options().stream().map(ContactJson::tel).toList();
            m.put("addresses", options);
        } else if (d instanceof RoutingDecision.NoRoute n) {
            m.put("reason", n.reason().token());
            m.put("message", n.message());
        }
        return m;
    }

    /** RFC 7081 §5: whether the call leaves our service, and why. */
    private static void interDomain(Map<String, Object> m, InterDomain f) {
        m.put("interDomain", f.flagged());
        m.put("interDomainReason", f.flagged() ? f.reason() : null);
    }
}
