package org.cusax.xmpp.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.Backoff;

/** Accounts, settings and backoffs for the adapter's tests (domain {@code cusax.test}, server on 127.0.0.1). */
public final class XmppAccounts {
    private XmppAccounts() {
    }

    public static Account account(String user, String password, int port, Path trustStore) {
        return account(user, password, port, trustStore, Features.chatDefaults());
    }

    public static Account account(String user, String password, int port, Path trustStore, Features features) {
        return new Account(Protocol.XMPP, user + "@cusax.test", user, Secret.of(password), "cusax.test",
                new ServerEndpoint("127.0.0.1", port, Transport.TCP),
                new SecuritySettings(Optional.ofNullable(trustStore), Optional.empty(), "TLSv1.2", true), features);
    }

    /** Short timeouts so that failing tests fail fast. */
    public static XmppSettings settings() {
        return new XmppSettings("cusax", false, Duration.ofSeconds(5), Duration.ofSeconds(5), true);
    }

    /** Deterministic backoff (no jitter): initial, doubling, capped at 8 × initial. */
    public static Backoff backoff(Duration initial) {
        return new Backoff(initial, initial.multipliedBy(8), 2.0, 0.5, () -> 0.0);
    }
}
