package org.cusax.app.assembly;

import java.util.Optional;

import org.cusax.app.history.HistoryFiles;
import org.cusax.core.client.ClientOptions;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.AudioDevicesPort;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.media.device.LiveAudio;
import org.cusax.media.device.SoundDevices;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.xmpp.SmackChatPort;

/** Wires the real adapters into a client: Smack for Chat, JAIN-SIP for Telephony, Java Sound for live audio. */
public final class CusaxAssembly implements ClientFactory {
    private final SoundDevices sound = new SoundDevices();

    @Override
    public AudioDevicesPort audioDevices() {
        return sound;
    }

    @Override
    public CusaxClient create(ClientConfig config) {
        Optional<String> ownSipAor = config.link().linked() ? config.link().telephony().map(a -> a.address())
                : Optional.empty();
        // one normalizer for the core's contact book and the Chat half's contact cache: the forms the cache keeps
        // for the next start are the objects the book holds, not a second copy
        AddressNormalizer normalizer = new AddressNormalizer(config.contacts().defaultRegion());
        Optional<ChatPort> chat = config.link().chat().map(account -> new SmackChatPort(account, config.xmpp(),
                config.reconnect(), config.contacts(), ownSipAor, normalizer, SmackChatPort.retryTimer(account.address())));
        Optional<String> linkedJid = config.link().linkedJid(); // sent as Call-Info while sip.call-info is on
        Optional<TelephonyPort> telephony = config.link().telephony().map(account -> {
            JainSipTelephonyPort port = new JainSipTelephonyPort(account, config.sip(), config.reconnect(), linkedJid,
                    Optional.of(LiveAudio.javaSound(sound)), sipScheduler(account.address()));
            port.setCallInfo(config.sip().sendCallInfo());
            return port;
        });
        ContactBook contacts = new ContactBook(normalizer);
        // no XMPP half's executor: the client makes one thread for what the SIP half posts to it
        ClientOptions options = ClientOptions.defaults().withPresence(config.presence())
                .withHistory(HistoryFiles.store(config)).withAudioDevices(sound)
                .withPolicy(config.policy(), CusaxAssembly::policyThread)
                .withSecurityProfile(config.securityProfile()).withRouting(config.routing());
        return new CusaxClient(config.link(), chat, telephony, new EventBus(), contacts,
                config.contacts().telPreference(), options);
    }

    /** The service policy starts or stops a half at most twice per session: one short thread each time. */
    private static void policyThread(Runnable task) {
        Thread t = new Thread(task, "cusax-service-policy");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The SIP half's own thread: registration, refreshes, backoff and call timers; the port stops it. A
     * cancelled ring/ACK timer leaves its queue at once (it holds the call and its media buffers).
     */
    private static java.util.concurrent.ScheduledExecutorService sipScheduler(String aor) {
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cusax-sip " + aor);
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}
