package org.cusax.core.service;

import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Protocol;

/**
 * The CUSAX link: a SIP account and an XMPP account that belong to the same user of the same
 * service. The link is what lets a call be bound to a chat contact and our calls carry our JID.
 * Either half may be absent (a service configured for chat only, or telephony only).
 */
public record CusaxLink(Optional<Account> telephony, Optional<Account> chat) {
    public CusaxLink {
        telephony = telephony == null ? Optional.empty() : telephony;
        chat = chat == null ? Optional.empty() : chat;
        telephony.ifPresent(a -> requireProtocol(a, Protocol.SIP, "telephony"));
        chat.ifPresent(a -> requireProtocol(a, Protocol.XMPP, "chat"));
        if (telephony.isEmpty() && chat.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one of a SIP and an XMPP account");
        }
    }

    public static CusaxLink of(Account telephony, Account chat) {
        return new CusaxLink(Optional.ofNullable(telephony), Optional.ofNullable(chat));
    }

    private static void requireProtocol(Account account, Protocol expected, String role) {
        if (account.protocol() != expected) {
            throw new IllegalArgumentException("the " + role + " account must be " + expected + ", got " + account);
        }
    }

    /** Both halves are present: the SIP account is linked to the XMPP account. */
    public boolean linked() {
        return telephony.isPresent() && chat.isPresent();
    }

    public Optional<Account> account(Half half) {
        return half == Half.CHAT ? chat : telephony;
    }

    /** The XMPP address our SIP account is linked to (sent in SIP as Call-Info purpose=impp). */
    public Optional<String> linkedJid() {
        return linked() ? chat.map(Account::address) : Optional.empty();
    }
}
