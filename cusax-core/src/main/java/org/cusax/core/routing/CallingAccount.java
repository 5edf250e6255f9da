package org.cusax.core.routing;

import org.cusax.core.account.Account;
import org.cusax.core.connection.ConnectionState;

/**
 * An account as the router sees it: its settings and whether it is up right now.
 *
 * @param account the account (protocol, feature switches)
 * @param state   its connection state; only {@link ConnectionState#ONLINE} accounts carry calls
 */
public record CallingAccount(Account account, ConnectionState state) {
    public CallingAccount {
        if (account == null || state == null) {
            throw new IllegalArgumentException("an account and its state are required");
        }
    }

    public boolean online() {
        return state.up();
    }

    /** Calling is switched on for the account ({@code *.features.calling}). */
    public boolean callingEnabled() {
        return account.features().calling();
    }
}
