package org.cusax.app.cli;

import org.cusax.core.account.Account;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.service.CusaxLink;

/** One-line texts for people (the non-JSON output). */
final class HumanFormat {
    private HumanFormat() {
    }

    static String half(ConnectionStatus s, CusaxLink link) {
        String account = link.account(s.half()).map(Account::address).orElse("not configured");
        StringBuilder sb = new StringBuilder(String.format("%-10s %-13s %s", s.half().label(),
                s.state().name().toLowerCase(java.util.Locale.ROOT), account));
        if (s.state().up()) {
            sb.append("  [").append(s.security().describe()).append(']');
        }
        s.reason().ifPresent(r -> sb.append("  — ").append(r.message()));
        s.retryIn().ifPresent(d -> sb.append(" (attempt ").append(s.attempt()).append(", next in ")
                .append(d.toMillis()).append(" ms)"));
        return sb.toString();
    }

    /** A contact as people name it, with its presence and whether it can be called. */
    static String contact(org.cusax.core.contact.Contact c) {
        String who = c.name().isBlank() ? c.jid() : c.name() + " <" + c.jid() + ">";
        String status = c.presence().status().isBlank() ? "" : " \"" + c.presence().status() + "\"";
        return "contact " + who + ": " + c.presence().availability().token() + status + (c.callable() ? " [Call]" : "");
    }

    /**
     * A multi-line text (a chat body, already in its display form) with its continuation lines indented, so
     * that no line of a message can pass for a line of its own ("message from boss@…").
     */
    static String continued(String text) {
        return text.replace("\n", "\n    ");
    }

    /** The line for an event; empty when the event says nothing a person needs to read. */
    static String event(CusaxEvent event, CusaxLink link) {
        if (event instanceof ConnectionChanged c) {
            return half(c.status(), link);
        }
        if (event instanceof ChatMessageReceived r) {
            return "message from " + r.message().peer() + ": " + continued(r.message().displayBody());
        }
        if (event instanceof ChatMessageStatusChanged s) {
            return "message to " + s.message().peer() + " " + s.state().name().toLowerCase(java.util.Locale.ROOT)
                    + s.reason().map(r -> ": " + r).orElse("");
        }
        if (event instanceof org.cusax.core.event.ContactUpdated u) {
            return contact(u.contact());
        }
        if (event instanceof org.cusax.core.event.ContactRemoved r) {
            return "contact " + r.jid() + " removed";
        }
        if (event instanceof org.cusax.core.event.ContactsLoading) {
            return ""; // progress: nothing a person needs line by line
        }
        if (event instanceof org.cusax.core.event.ContactsCapped c) {
            return "WARNING: " + c.message();
        }
        if (event instanceof org.cusax.core.event.ContactsLoaded l) {
            return "contact list loaded (" + l.total() + (l.total() == 1 ? " contact)" : " contacts)");
        }
        if (event instanceof SecurityParityChanged p) {
            return (p.parity().matched() ? "security: " : "WARNING: ") + p.parity().explanation();
        }
        if (event instanceof org.cusax.core.event.IncomingCall i) {
            var caller = i.caller();
            String who = caller.contact().map(c -> (c.name().isEmpty() ? c.jid() : c.name() + " <" + c.jid() + ">")
                    + " (" + caller.display() + ", by " + c.matchedBy().token() + ")").orElse(caller.display()
                    + (caller.candidates().isEmpty() ? "" : " (one of " + String.join(", ", caller.candidates()) + ")"));
            return "incoming call from " + who
                    + caller.callInfoIgnored().map(r -> " [claimed identity ignored: " + r + "]").orElse("");
        }
        if (event instanceof org.cusax.core.event.CallEnded e) {
            return "call with " + e.call().remote() + " ended: " + e.reason().message() + " ("
                    + e.duration().toSeconds() + " s)";
        }
        if (event instanceof org.cusax.core.event.DtmfReceived d) {
            return "DTMF " + d.digit();
        }
        if (event instanceof org.cusax.core.event.CallHeld h) {
            return "call with " + h.call().remote() + (h.byUs() ? " put on hold" : " held by the other side");
        }
        if (event instanceof org.cusax.core.event.CallResumed r) {
            return "call with " + r.call().remote() + (r.byUs() ? " resumed" : " resumed by the other side");
        }
        if (event instanceof org.cusax.core.event.CallMuted m) {
            return "call with " + m.call().remote() + (m.muted() ? " muted (sending silence)" : " unmuted");
        }
        if (event instanceof org.cusax.core.event.CallAudioDeviceChanged d) {
            return "call with " + d.call().remote() + " now on" + d.input().map(i -> " microphone '" + i + "'").orElse("")
                    + d.output().map(o -> " speaker '" + o + "'").orElse("");
        }
        if (event instanceof org.cusax.core.event.AudioDeviceFailed f) {
            return (f.direction() == org.cusax.core.audio.AudioDirection.INPUT ? "microphone" : "speaker") + " '"
                    + f.device() + "' unavailable: " + f.reason() + " (the call goes on without it)";
        }
        if (event instanceof org.cusax.core.event.CallRinging r) {
            return "ringing " + r.call().remote();
        }
        if (event instanceof org.cusax.core.event.CallAnswered a) {
            return "call with " + a.call().remote() + " answered" + a.call().media().map(m -> " (" + m.protection()
                    + ")" + (m.warning() ? " WARNING: " + m.explanation() : "")).orElse("");
        }
        return event.type();
    }
}
