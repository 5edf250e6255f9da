package org.cusax.xmpp.contacts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.cusax.xmpp.vcard4.VCard4Manager;
import org.cusax.xmpp.vcardtemp.VCardTelManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * {@link TelQueries} over a Smack connection: vcard-temp IQs and vCard4 PEP item requests, sent
 * asynchronously. An error answer that is not "wait" (item-not-found, forbidden,
 * presence-subscription-required, service-unavailable, …) is a definitive answer: the contact has no tels
 * there for us.
 */
public final class SmackTelQueries implements TelQueries {
    /** Smack 4.4.8's writer queue ({@code XMPPTCPConnection.PacketWriter.QUEUE_SIZE}); checked by a test. */
    static final int SMACK_WRITER_QUEUE = 500;
    /** Room kept in the writer queue for everything else: presences, IQ answers, chat, acks. */
    static final int WRITER_QUEUE_RESERVE = 100;
    /**
     * Most vCard requests outstanding on one Smack connection. With stream management (XEP-0198) Smack
     * 4.4.8 queues an ack request {@code <r/>} after every 5th stanza and keeps every stanza the server has
     * not acknowledged; when that queue is full its writer thread blocks, and if the writer queue is full
     * too, its reader thread blocks queueing the {@code <a/>} the server asked for and never reads the
     * server's ack that would free the writer: a deadlock. Our unanswered requests, plus one {@code <r/>}
     * per 5 of them, plus the reserve, stay below the writer queue, so the reader never blocks and acks
     * always get through.
     */
    public static final int WINDOW = (SMACK_WRITER_QUEUE - WRITER_QUEUE_RESERVE) * 5 / 6;

    private final VCardTelManager vcardTemp;
    private final VCard4Manager vcard4;

    /** Most of our stanzas unacknowledged (XEP-0198) before requests wait: well under Smack's 1,024. */
    static final int ACK_BUDGET = 400;

    private final Optional<AckBudget> acks;

    public SmackTelQueries(VCardTelManager vcardTemp, VCard4Manager vcard4) {
        this(vcardTemp, vcard4, null);
    }

    /** @param connection when a TCP connection: requests also wait for stream-management acks ({@link AckBudget}) */
    public SmackTelQueries(VCardTelManager vcardTemp, VCard4Manager vcard4, XMPPConnection connection) {
        this.vcardTemp = vcardTemp;
        this.vcard4 = vcard4;
        this.acks = connection instanceof XMPPTCPConnection tcp ? Optional.of(new AckBudget(tcp, ACK_BUDGET))
                : Optional.empty();
    }

    @Override
    public boolean ready() {
        return acks.map(AckBudget::open).orElse(true);
    }

    @Override
    public void whenReady(Runnable hook) {
        acks.ifPresent(a -> a.whenOpen(hook));
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
    public int maxOutstanding() {
        return WINDOW;
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
