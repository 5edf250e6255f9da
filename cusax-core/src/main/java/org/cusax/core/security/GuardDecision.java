package org.cusax.core.security;

import java.util.Optional;

import org.cusax.core.service.Half;

/**
 * The guard's decision about the two halves.
 *
 * @param profile     the policy applied
 * @param verdict     what the comparison found
 * @param chat        Chat's protection, when it was online
 * @param telephony   Telephony's protection, when it was online
 * @param weaker      the less protected half, when they differ
 * @param explanation what the user should know, in one sentence
 * @param remedy      how to raise the weaker half (or accept the difference), when they differ
 */
public record GuardDecision(SecurityProfile profile, GuardVerdict verdict, Optional<HalfProtection> chat,
                            Optional<HalfProtection> telephony, Optional<Half> weaker, String explanation,
                            Optional<String> remedy) {

    /** True unless the halves differ (warned or refused). */
    public boolean matched() {
        return verdict != GuardVerdict.MISMATCH_WARNED && verdict != GuardVerdict.MISMATCH_REFUSED;
    }

    /** The half the guard keeps down, if any. */
    public Optional<Half> refused() {
        return verdict == GuardVerdict.MISMATCH_REFUSED ? weaker : Optional.empty();
    }

    /** The explanation followed by the remedy, for a status line or a failure reason. */
    public String fullText() {
        return remedy.map(r -> explanation + ": " + r).orElse(explanation);
    }
}
