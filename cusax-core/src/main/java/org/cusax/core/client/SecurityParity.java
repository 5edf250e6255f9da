package org.cusax.core.client;

import java.util.Optional;

import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.SecurityLevel;
import org.cusax.core.security.GuardDecision;
import org.cusax.core.security.GuardVerdict;
import org.cusax.core.security.HalfProtection;
import org.cusax.core.security.SecurityGuard;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.service.Half;

/**
 * Whether the two halves run at the same security level, as the security guard decided it. CUSAX
 * users must never have, say, chat over TLS and telephony in the clear without being told.
 *
 * @param matched     both halves online alike (or only one half online, or comparison off)
 * @param chat        Chat's level, when online
 * @param telephony   Telephony's level, when online
 * @param explanation what the user should know, with how to raise the weaker half when they differ
 * @param decision    the guard's full decision (profile, verdict, each half's protection, remedy)
 */
public record SecurityParity(boolean matched, Optional<SecurityLevel> chat, Optional<SecurityLevel> telephony,
                             String explanation, GuardDecision decision) {

    /**
     * A comparison of configured levels, before anything connects (a provisioned or discovered configuration,
     * RFC 7081 §7): reported to the user, never enforced (the guard decides once the halves are up).
     */
    public SecurityParity(boolean matched, Optional<SecurityLevel> chat, Optional<SecurityLevel> telephony,
                          String explanation) {
        this(matched, chat, telephony, explanation, new GuardDecision(SecurityProfile.WARN,
                chat.isEmpty() || telephony.isEmpty() ? GuardVerdict.ONE_HALF
                        : matched ? GuardVerdict.EQUAL : GuardVerdict.MISMATCH_WARNED,
                Optional.empty(), Optional.empty(),
                matched || chat.isEmpty() ? Optional.empty()
                        : Optional.of(chat.get() == SecurityLevel.NONE ? Half.CHAT : Half.TELEPHONY),
                explanation, Optional.empty()));
    }

    /** The comparison under {@code security.profile = warn} (report only), with unnamed transports. */
    public static SecurityParity evaluate(ConnectionStatus chat, ConnectionStatus telephony) {
        return evaluate(chat, telephony, new SecurityGuard(SecurityProfile.WARN), "SIP");
    }

    /**
     * @param sipChannel Telephony's protocol and transport in words, e.g. {@code SIP over UDP}
     */
    public static SecurityParity evaluate(ConnectionStatus chat, ConnectionStatus telephony, SecurityGuard guard,
                                          String sipChannel) {
        Optional<HalfProtection> c = chat.state().up()
                ? Optional.of(new HalfProtection(chat.half(), "XMPP", chat.security())) : Optional.empty();
        Optional<HalfProtection> t = telephony.state().up()
                ? Optional.of(new HalfProtection(telephony.half(), sipChannel, telephony.security()))
                : Optional.empty();
        return of(guard.compare(c, t));
    }

    public static SecurityParity of(GuardDecision d) {
        return new SecurityParity(d.matched(), d.chat().map(p -> p.security().level()),
                d.telephony().map(p -> p.security().level()), d.fullText(), d);
    }
}
