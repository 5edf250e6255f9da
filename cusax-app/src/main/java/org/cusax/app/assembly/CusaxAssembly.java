package org.cusax.app.assembly;

import java.util.Optional;

import org.cusax.app.history.HistoryFiles;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.xmpp.SmackChatPort;

/** Wires the real adapters into a client: Smack for Chat, JAIN-SIP for Telephony. */
public final class CusaxAssembly implements ClientFactory {
    @Override
    public CusaxClient create(ClientConfig config) {
        Optional<String> ownSipAor = config.link().linked() ? config.link().telephony().map(a -> a.address())
                : Optional.empty();
        Optional<ChatPort> chat = config.link().chat().map(account -> new SmackChatPort(account, config.xmpp(),
                config.reconnect(), config.contacts(), ownSipAor));
        Optional<String> linkedJid = config.sip().sendCallInfo() ? config.link().linkedJid() : Optional.empty();
        Optional<TelephonyPort> telephony = config.link().telephony()
                .map(account -> new JainSipTelephonyPort(account, config.sip(), config.reconnect(), linkedJid));
        ContactBook contacts = new ContactBook(new AddressNormalizer(config.contacts().defaultRegion()));
        return new CusaxClient(config.link(), chat, telephony, new EventBus(), contacts,
                config.contacts().telPreference(), config.presence(), HistoryFiles.store(config),
                config.securityProfile(), config.routing());
    }
}
