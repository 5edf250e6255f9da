package org.cusax.sandbox.xmpp.sasl;

import org.apache.vysper.xmpp.modules.core.sasl.AuthorizationRetriesCounter;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/** Keeps Vysper's per-session retry counter: a success clears it, a failure uses up one try. */
final class SaslOutcome {
    private SaslOutcome() {
    }

    static Stanza settle(SessionContext session, Stanza answer) {
        switch (answer.getName()) {
            case "success" -> AuthorizationRetriesCounter.removeFromSession(session);
            case "failure" -> AuthorizationRetriesCounter.getFromSession(session).countFailedTry();
            default -> {
                // a challenge: the exchange goes on
            }
        }
        return answer;
    }
}
