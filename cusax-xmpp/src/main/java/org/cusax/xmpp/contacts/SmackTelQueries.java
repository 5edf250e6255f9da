package org.cusax.xmpp.contacts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.cusax.xmpp.connection.AckGate;
import org.cusax.xmpp.vcard4.VCard4Manager;
import org.cusax.xmpp.vcardtemp.VCardTelManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * {@link TelQueries} over a Smack connection: vcard-temp IQs and vCard4 PEP item requests, sent
 * asynchronously. An error answer that is not "wait" (item-not-found, forbidden,
 * presence-subscription-required, service-unavailable, …) is a definitive answer: the contact has no tels
 * there for us.
 *
 * <p>No bound of its own on the requests outstanding: the configured window ({@code contacts.requests-in-flight})
 * applies. Replies are found by id ({@code PendingReplies}), so many pending requests cost nothing per incoming
 * stanza; with stream management the {@link AckGate} holds the requests back at {@link #BULK_BUDGET}
 * unacknowledged stanzas, which keeps Smack's queues from filling; without it, a window beyond Smack's writer
 * queue (500) only makes the sending thread wait for the socket.
 */
public final class SmackTelQueries implements TelQueries {
    /**
     * Our requests go out only while fewer stanzas than this are unacknowledged (XEP-0198), under the
     * gate's {@link AckGate#LIMIT}: presences, chat and Smack's answers keep room and never wait on them.
     */
    static final int BULK_BUDGET = AckGate.LIMIT * 5 / 6;

    private final VCardTelManager vcardTemp;
    private final VCard4Manager vcard4;

    private final Optional<AckGate> acks;

    public SmackTelQueries(VCardTelManager vcardTemp, VCard4Manager vcard4) {
        this(vcardTemp, vcard4, Optional.empty());
    }

    /** @param acks the connection's ack gate: requests wait while the server is behind on acknowledgements */
    public SmackTelQueries(VCardTelManager vcardTemp, VCard4Manager vcard4, Optional<AckGate> acks) {
        this.vcardTemp = vcardTemp;
        this.vcard4 = vcard4;
        this.acks = acks;
    }

    @Override
    public boolean ready() {
        return acks.map(a -> a.below(BULK_BUDGET)).orElse(true);
    }

    @Override
    public void whenReady(Runnable hook) {
        acks.ifPresent(a -> a.whenBelow(hook));
    }

    @Override
    public CompletableFuture<TelResult> fetch(String jid, TelKind kind) {
        BareJid contact;
        try {
            contact = JidCreate.bareFrom(jid);
        } catch (XmppStringprepException e) {
            return CompletableFuture.completedFuture(TelResult.EMPTY);
        }
        CompletableFuture<TelResult> result = switch (kind) {
            case VCARD_TEMP -> vcardTemp.fetch(contact).thenApply(v -> new TelResult(VCardTelManager.rawTels(v),
                    v.photoHash()));
            case VCARD4 -> vcard4.fetch(contact).thenApply(v -> new TelResult(
                    v.map(VCard4Manager::rawTels).orElse(List.of()), Optional.empty()));
        };
        return result.exceptionally(failure -> {
            if (definitive(failure)) {
                return TelResult.EMPTY;
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    @Override
    public boolean retryable(Throwable failure) {
        return !(unwrap(failure) instanceof SmackException.NotConnectedException);
    }

    /** An error answer other than "wait" settles the question. */
    static boolean definitive(Throwable failure) {
        return unwrap(failure) instanceof XMPPException.XMPPErrorException e
                && e.getStanzaError().getType() != StanzaError.Type.WAIT;
    }

    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
