package org.cusax.core.client;

import java.util.List;

import org.cusax.core.connection.ConnectionStatus;

/** Both halves at one moment, plus whether their security matches. */
public record ServiceStatus(ConnectionStatus chat, ConnectionStatus telephony, SecurityParity parity) {
    public List<ConnectionStatus> halves() {
        return List.of(chat, telephony);
    }

    public boolean allOnline() {
        return chat.state().up() && telephony.state().up();
    }
}
