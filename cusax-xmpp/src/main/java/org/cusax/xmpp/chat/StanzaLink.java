package org.cusax.xmpp.chat;

import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.Message;

/** The part of the XMPP connection that chat needs to send; faked in tests. */
public interface StanzaLink {
    /** Logged in and set up. */
    boolean online();

    /** The current stream has XEP-0198 acknowledgements enabled. */
    boolean acknowledgements();

    /** Hands the message to the stream (does not wait for the network). */
    void send(Message message) throws NotConnectedException, InterruptedException;
}
