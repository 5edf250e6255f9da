package org.cusax.xmpp.roster;

import java.util.List;

/** Read-only view of the contact list; no Smack types leak through it. */
public interface RosterView {
    /** Whether the roster has been received from the server since start. */
    boolean loaded();

    /** Number of contacts. */
    int size();

    /** The contacts, sorted by JID. */
    List<RosterContact> contacts();
}
