package org.cusax.app.json;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cusax.core.call.Call;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.EndReason;

/** Calls and call events as plain maps, ready to be written as JSON. */
public final class CallJson {
    private CallJson() {
    }

    public static Map<String, Object> call(Call c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callId", c.id());
        m.put("direction", c.direction().token());
        m.put("remote", c.remote());
        m.put("state", c.state().token());
        m.put("started", c.started().toString());
        m.put("answered", c.answered().map(Object::toString).orElse(null));
        m.put("ended", c.ended().map(Object::toString).orElse(null));
        c.endReason().ifPresent(r -> m.put("reason", reason(r)));
        c.media().ifPresent(d -> m.put("media", media(d)));
        return m;
    }

    /**
     * The security guard's decision on a call's media (RFC 7081 §7): {@code protection} (SRTP or RTP),
     * {@code signallingTls}, {@code allowed}, {@code warning} and the {@code explanation} shown to the user.
     */
    public static Map<String, Object> media(org.cusax.core.security.MediaDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protection", d.protection());
        m.put("signallingTls", d.signallingEncrypted());
        m.put("allowed", d.allowed());
        m.put("warning", d.warning());
        m.put("explanation", d.explanation());
        return m;
    }

    public static Map<String, Object> reason(EndReason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().token());
        m.put("sipStatus", r.sipStatus().isPresent() ? r.sipStatus().getAsInt() : null);
        m.put("message", r.message());
        return m;
    }

    /**
     * Who an incoming call is from (RFC 7081 §5): {@code from} (the calling address used for the lookup),
     * {@code fromDisplay} (formatted), {@code displayName}, {@code contact} ({@code jid}, {@code name},
     * {@code matchedBy}: call-info | tel) or null, {@code candidates} (when several contacts own the
     * number) and {@code callInfoIgnored} (why a claimed XMPP address was not believed) or null.
     */
    public static Map<String, Object> caller(CallerIdentity c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", c.from());
        m.put("fromDisplay", c.display());
        m.put("displayName", c.displayName());
        m.put("contact", c.contact().map(b -> {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("jid", b.jid());
            contact.put("name", b.name());
            contact.put("matchedBy", b.matchedBy().token());
            return contact;
        }).orElse(null));
        m.put("candidates", c.candidates());
        m.put("callInfoIgnored", c.callInfoIgnored().orElse(null));
        return m;
    }

    /** A sound device as {@code cusax audio-devices --json} lists it. */
    public static Map<String, Object> device(org.cusax.core.audio.AudioDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("input", d.input());
        m.put("output", d.output());
        return m;
    }
}
