package org.cusax.app.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cusax.app.json.CallJson;
import org.cusax.app.json.ContactJson;
import org.cusax.app.json.JsonModel;
import org.cusax.core.call.Call;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallHeld;
import org.cusax.core.event.CallResumed;
import org.cusax.core.event.CallRinging;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.ContactRemoved;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsCapped;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.event.ContactsLoading;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.DtmfReceived;
import org.cusax.core.event.EventVisitor;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.service.CusaxLink;

/**
 * The one JSON encoder of events: a flat object, {@code type} and {@code at} first. It implements the
 * core's {@link EventVisitor}, so a new event type does not compile until it is encoded here.
 */
public final class EventEncoder implements EventVisitor<Map<String, Object>> {
    private final CusaxLink link;

    public EventEncoder(CusaxLink link) {
        this.link = link;
    }

    public Map<String, Object> encode(CusaxEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", event.type());
        m.put("at", event.at().toString());
        m.putAll(event.accept(this));
        return m;
    }

    @Override
    public Map<String, Object> visit(ConnectionChanged e) {
        return JsonModel.half(e.status(), link);
    }

    @Override
    public Map<String, Object> visit(SecurityParityChanged e) {
        return JsonModel.parity(e.parity());
    }

    @Override
    public Map<String, Object> visit(ChatMessageReceived e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", e.message().peer());
        m.put("body", e.message().displayBody());
        m.put("id", e.message().id());
        return m;
    }

    @Override
    public Map<String, Object> visit(ChatMessageStatusChanged e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.message().id());
        m.put("to", e.message().peer());
        m.put("state", e.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("reason", e.reason().orElse(null));
        return m;
    }

    @Override
    public Map<String, Object> visit(ContactsLoading e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", e.done());
        m.put("total", e.total());
        return m;
    }

    @Override
    public Map<String, Object> visit(ContactsLoaded e) {
        return Map.of("total", e.total());
    }

    @Override
    public Map<String, Object> visit(ContactsCapped e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kept", e.kept());
        m.put("ignored", e.ignored());
        m.put("limit", e.limit());
        m.put("message", e.message());
        return m;
    }

    @Override
    public Map<String, Object> visit(ContactUpdated e) {
        return ContactJson.contact(e.contact());
    }

    @Override
    public Map<String, Object> visit(ContactRemoved e) {
        return Map.of("jid", e.jid());
    }

    @Override
    public Map<String, Object> visit(org.cusax.core.event.SubscriptionRequest e) {
        return Map.of("jid", e.jid(), "state", e.state());
    }

    @Override
    public Map<String, Object> visit(CallRinging e) {
        return CallJson.call(e.call());
    }

    @Override
    public Map<String, Object> visit(CallAnswered e) {
        return CallJson.call(e.call());
    }

    @Override
    public Map<String, Object> visit(CallEnded e) {
        Map<String, Object> m = CallJson.call(e.call());
        m.put("reason", CallJson.reason(e.reason()));
        m.put("durationMs", e.duration().toMillis());
        return m;
    }

    @Override
    public Map<String, Object> visit(IncomingCall e) {
        Map<String, Object> m = CallJson.call(e.call());
        m.putAll(CallJson.caller(e.caller()));
        return m;
    }

    @Override
    public Map<String, Object> visit(DtmfReceived e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callId", e.callId());
        m.put("digit", String.valueOf(e.digit()));
        return m;
    }

    @Override
    public Map<String, Object> visit(CallHeld e) {
        return by(e.call(), e.byUs());
    }

    @Override
    public Map<String, Object> visit(CallResumed e) {
        return by(e.call(), e.byUs());
    }

    @Override
    public Map<String, Object> visit(org.cusax.core.event.CallMuted e) {
        Map<String, Object> m = CallJson.call(e.call());
        m.put("muted", e.muted());
        return m;
    }

    @Override
    public Map<String, Object> visit(org.cusax.core.event.AudioDeviceFailed e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callId", e.callId());
        m.put("direction", e.direction().token());
        m.put("device", e.device());
        m.put("reason", e.reason());
        return m;
    }

    @Override
    public Map<String, Object> visit(org.cusax.core.event.CallAudioDeviceChanged e) {
        Map<String, Object> m = CallJson.call(e.call());
        e.input().ifPresent(d -> m.put("input", d));
        e.output().ifPresent(d -> m.put("output", d));
        return m;
    }

    private static Map<String, Object> by(Call call, boolean byUs) {
        Map<String, Object> m = CallJson.call(call);
        m.put("by", byUs ? "us" : "peer");
        return m;
    }
}
