package org.cusax.core.client;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.service.Half;

/**
 * The per-account feature switches (CUSAX §3: calling, IM and presence) as they are now in the running
 * session: the router and chat read them at every use, and a change goes to the account's port at once (the
 * SIP half on the caller's thread — it only flips switches; the XMPP half on its own executor, since turning
 * chat and presence on or off logs its session in again). Thread-safe.
 */
final class FeatureSwitches {
    private final AtomicReference<Optional<Account>> chat;
    private final AtomicReference<Optional<Account>> telephony;
    private final Optional<ChatPort> chatPort;
    private final Optional<TelephonyPort> telephonyPort;
    private final Executor chatWork;

    FeatureSwitches(CusaxLink link, Optional<ChatPort> chatPort, Optional<TelephonyPort> telephonyPort,
                    Executor chatWork) {
        this.chat = new AtomicReference<>(link.chat());
        this.telephony = new AtomicReference<>(link.telephony());
        this.chatPort = chatPort;
        this.telephonyPort = telephonyPort;
        this.chatWork = chatWork;
    }

    /** The XMPP account with its switches as they are now. */
    Optional<Account> chat() {
        return chat.get();
    }

    /** The SIP account with its switches as they are now. */
    Optional<Account> telephony() {
        return telephony.get();
    }

    /**
     * Switches {@code half}'s account to {@code features} in the running session.
     *
     * @throws IllegalStateException the session has no account for that half
     */
    void set(Half half, Features features) {
        AtomicReference<Optional<Account>> account = half == Half.CHAT ? chat : telephony;
        Account now = account.get().orElseThrow(() -> new IllegalStateException("no "
                + half.protocol() + " account is configured"));
        if (now.features().equals(features)) {
            return;
        }
        account.set(Optional.of(now.withFeatures(features)));
        if (half == Half.TELEPHONY) {
            telephonyPort.ifPresent(port -> port.setFeatures(features));
        } else {
            chatPort.ifPresent(port -> chatWork.execute(() -> port.setFeatures(features)));
        }
    }
}
