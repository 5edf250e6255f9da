package org.cusax.app.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cusax.core.client.CusaxCommands;
import org.cusax.core.contact.Contact;
import org.cusax.core.port.RosterChangeException;

/**
 * The user's changes to the contact list (RFC 6121 §2.3–2.5) and answers to subscription requests (§3.1.3):
 * {@code contact-add}, {@code contact-update}, {@code contact-remove}, {@code subscription-requests},
 * {@code subscription-approve}, {@code subscription-deny}. Each answers when the server has (the roster push
 * follows as a {@code contact-updated} or {@code contact-removed} event).
 */
final class ContactCommands {
    /** Longest wait for the server's answer; the XMPP half's own reply timeout normally ends it first. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(20);

    private final CusaxCommands core;

    ContactCommands(CusaxCommands core) {
        this.core = core;
    }

    void registerIn(CommandRegistry r) {
        r.register("contact-add", "add a contact and ask to see its presence {jid, name?, groups?}", this::add);
        r.register("contact-update", "rename or regroup a contact {jid, name?, groups?}", this::update);
        r.register("contact-remove", "remove a contact (and both presence subscriptions) {jid}", this::remove);
        r.register("avatar", "a contact's picture as a data: URL (PNG, JPEG, GIF or WebP, checked) {jid}", this::avatar);
        r.register("subscription-requests", "who asks to see our presence, waiting for an answer",
                p -> Map.of("requests", core.subscriptionRequests()));
        r.register("subscription-approve", "let a contact see our presence (and ask to see theirs) {jid}",
                p -> answer(p, true));
        r.register("subscription-deny", "refuse a contact's request to see our presence {jid}", p -> answer(p, false));
    }

    private Object add(Params p) throws ApiException, InterruptedException {
        String jid = SessionCommands.requireJid(p.string("jid"));
        String name = p.optString("name").orElse("");
        List<String> groups = p.optStrings("groups").orElse(List.of());
        await(core.addContact(jid, name, groups));
        return item(jid, name, groups);
    }

    /** A parameter left out keeps what the contact has. */
    private Object update(Params p) throws ApiException, InterruptedException {
        String jid = SessionCommands.requireJid(p.string("jid"));
        Optional<Contact> current = core.contacts().stream().filter(c -> c.jid().equals(jid)).findFirst();
        if (current.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, jid + " is not in the contact list");
        }
        String name = p.has("name") ? p.optString("name").orElse("") : current.get().name();
        List<String> groups = p.has("groups") ? p.optStrings("groups").orElse(List.of()) : current.get().groups();
        await(core.updateContact(jid, name, groups));
        return item(jid, name, groups);
    }

    private Object remove(Params p) throws ApiException, InterruptedException {
        String jid = SessionCommands.requireJid(p.string("jid"));
        await(core.removeContact(jid));
        return Map.of("jid", jid, "removed", true);
    }

    private Object avatar(Params p) throws ApiException, InterruptedException {
        String jid = SessionCommands.requireJid(p.string("jid"));
        Optional<Contact> contact = core.contacts().stream().filter(c -> c.jid().equals(jid)).findFirst();
        if (contact.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, jid + " is not in the contact list");
        }
        Optional<org.cusax.core.contact.Avatar> avatar;
        try {
            avatar = core.avatar(jid).get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            avatar = Optional.empty();
        }
        org.cusax.core.contact.Avatar a = avatar.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                jid + " has no picture (or not a PNG, JPEG, GIF or WebP image of at most "
                        + org.cusax.core.contact.Avatar.MAX_BYTES / 1024 + " KiB)"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", jid);
        m.put("hash", contact.get().avatarHash());
        m.put("type", a.mimeType());
        m.put("size", a.size());
        m.put("dataUrl", a.dataUrl());
        return m;
    }

    private Object answer(Params p, boolean approve) throws ApiException, InterruptedException {
        String jid = SessionCommands.requireJid(p.string("jid"));
        await(core.answerSubscription(jid, approve));
        return Map.of("jid", jid, "state", approve ? "approved" : "denied");
    }

    private static Map<String, Object> item(String jid, String name, List<String> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", jid);
        m.put("name", name.strip());
        m.put("groups", groups.stream().map(String::strip).filter(g -> !g.isEmpty()).distinct().toList());
        return m;
    }

    private static void await(CompletableFuture<Void> change) throws ApiException, InterruptedException {
        try {
            change.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(ErrorCode.CHAT_DOWN, "the server did not answer in " + ANSWER_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RosterChangeException r) {
                throw new ApiException(switch (r.kind()) {
                    case NOT_FOUND -> ErrorCode.NOT_FOUND;
                    case REFUSED -> ErrorCode.CONFLICT;
                    case NOT_CONNECTED, TIMEOUT, UNSUPPORTED -> ErrorCode.CHAT_DOWN;
                }, r.getMessage());
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the registry turns it into a typed error
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
