package org.cusax.app.api;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.history.JsonLinesHistoryStore;
import org.cusax.app.json.ContactJson;
import org.cusax.app.json.JsonModel;
import org.cusax.core.client.CusaxCommands;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.Jids;
import org.cusax.core.contact.Presence;
import org.cusax.core.service.CusaxLink;

/** The session's state: {@code status}, {@code roster}, {@code contact}, {@code presence}, {@code history}. */
final class SessionCommands {
    private final CusaxCommands core;
    private final CusaxLink link;

    SessionCommands(CusaxCommands core, CusaxLink link) {
        this.core = core;
        this.link = link;
    }

    void registerIn(CommandRegistry r) {
        r.register("status", "both halves: state, reason, security; securityParity", p -> status(p));
        r.register("roster", "the contact list with presence and telephony addresses", p -> roster());
        r.register("contact", "one contact's details {jid}", this::contact);
        r.register("presence", "set our own presence {show: chat|available|away|xa|dnd, status?}", this::presence);
        r.register("own-presence", "our presence: as chosen {show, status}, and shown now (differs on the phone)",
                p -> ownPresence());
        r.register("history", "calls and chat messages {contact?, limit? (default 50, 0 = all)}", this::history);
    }

    /** {@code settleMs}: wait up to this long for both halves to be online or failed (for a fresh session). */
    private Object status(Params p) throws ApiException, InterruptedException {
        Optional<Duration> settle = p.optMillis("settleMs");
        return JsonModel.status(settle.isPresent() ? core.awaitSettled(settle.get()) : core.status(), link);
    }

    private Object roster() throws InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("complete", core.awaitContactsLoaded(Duration.ZERO));
        m.put("contacts", core.contacts().stream().sorted(Comparator.comparing(Contact::jid))
                .map(ContactJson::contact).toList());
        return m;
    }

    private Object contact(Params p) throws ApiException {
        String jid = requireJid(p.string("jid"));
        return core.contacts().stream().filter(c -> c.jid().equals(jid)).findFirst().map(ContactJson::contact)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, jid + " is not in the contact list"));
    }

    private Object presence(Params p) throws ApiException {
        String show = p.string("show");
        Availability a = Availability.fromToken(show).filter(Availability::online).orElseThrow(() ->
                new ApiException(ErrorCode.BAD_REQUEST, "show must be chat, available, away, xa or dnd, not " + show));
        if (link.chat().isEmpty()) {
            throw new ApiException(ErrorCode.CHAT_DOWN, "no XMPP account is configured: no presence to set");
        }
        Presence presence = new Presence(a, p.optString("status").orElse(""));
        core.setPresence(presence);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("show", a.token());
        m.put("status", presence.status());
        return m;
    }

    private Object ownPresence() {
        java.util.List<Presence> own = core.ownPresence();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("show", own.get(0).availability().token());
        m.put("status", own.get(0).status());
        m.put("shownNow", Map.of("show", own.get(1).availability().token(), "status", own.get(1).status()));
        return m;
    }

    private Object history(Params p) throws ApiException {
        Optional<String> contact = p.optString("contact");
        if (contact.isPresent()) {
            contact = Optional.of(requireJid(contact.get()));
        }
        int limit = p.integer("limit", 50, 0, Integer.MAX_VALUE);
        return core.history(contact, limit).stream().map(JsonLinesHistoryStore::toDisplayJson).toList();
    }

    static String requireJid(String jid) throws ApiException {
        return Jids.bare(jid).orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST, "'" + jid + "' is not a JID"));
    }
}
