package org.cusax.xmpp.chat;

import java.util.function.BooleanSupplier;

import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** {@link StanzaLink} over Smack's TCP connection. */
public final class SmackStanzaLink implements StanzaLink {
    private final XMPPTCPConnection connection;
    private final BooleanSupplier online;

    /** @param online whether the supervisor reports the connection ONLINE */
    public SmackStanzaLink(XMPPTCPConnection connection, BooleanSupplier online) {
        this.connection = connection;
        this.online = online;
    }

    @Override
    public boolean online() {
        return online.getAsBoolean() && connection.isAuthenticated();
    }

    @Override
    public boolean acknowledgements() {
        return connection.isSmEnabled();
    }

    @Override
    public void send(Message message) throws NotConnectedException, InterruptedException {
        connection.sendStanza(message);
    }
}
