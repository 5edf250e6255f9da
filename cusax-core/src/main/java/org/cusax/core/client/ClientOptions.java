package org.cusax.core.client;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.cusax.core.config.PresenceSettings;
import org.cusax.core.config.RoutingSettings;
import org.cusax.core.config.ServicePolicy;
import org.cusax.core.history.HistoryStore;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.port.AudioDevicesPort;
import org.cusax.core.security.SecurityProfile;

/**
 * What a {@link CusaxClient} is given besides its link, ports, events and contacts.
 *
 * @param presence        what our presence shows while on the phone, and whether calls are then refused
 * @param history         where calls and chat messages are recorded
 * @param audioDevices    the machine's sound devices, for {@link CusaxClient#audioDevices()}
 * @param policy          the provider's service policy (RFC 7081 §2), honoured at start-up
 * @param policyExecutor  where the policy starts or stops a half (never the other half's thread)
 * @param chatWork        the XMPP half's executor: what the SIP half's callbacks want from the XMPP half (our
 *                        "on the phone" presence) is posted there, so that no SIP callback, which may run
 *                        under the SIP half's call lock, ever waits on the XMPP writer. Empty: the client
 *                        makes (and on {@link CusaxClient#close} stops) one thread of its own.
 * @param securityProfile what to do when the halves are not protected alike ({@code security.profile})
 * @param routing         which calls leave our service (flagged in the route, RFC 7081 §5) and whether they
 *                        need the user's confirmation
 */
public record ClientOptions(PresenceSettings presence, HistoryStore history, AudioDevicesPort audioDevices,
                            ServicePolicy policy, Executor policyExecutor, Optional<Executor> chatWork,
                            SecurityProfile securityProfile, RoutingSettings routing) {

    public ClientOptions {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(audioDevices, "audioDevices");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(policyExecutor, "policyExecutor");
        Objects.requireNonNull(chatWork, "chatWork");
        Objects.requireNonNull(securityProfile, "securityProfile");
        Objects.requireNonNull(routing, "routing");
    }

    /**
     * Default presence, an in-memory history, no sound devices, independent halves started on the calling
     * thread, the client's own chat-work thread, the report-only {@code warn} profile, default routing.
     */
    public static ClientOptions defaults() {
        return new ClientOptions(PresenceSettings.defaults(), new InMemoryHistoryStore(), AudioDevicesPort.none(),
                ServicePolicy.independent(), Runnable::run, Optional.empty(), SecurityProfile.WARN,
                RoutingSettings.defaults());
    }

    public ClientOptions withPresence(PresenceSettings value) {
        return new ClientOptions(value, history, audioDevices, policy, policyExecutor, chatWork, securityProfile,
                routing);
    }

    public ClientOptions withHistory(HistoryStore value) {
        return new ClientOptions(presence, value, audioDevices, policy, policyExecutor, chatWork, securityProfile,
                routing);
    }

    public ClientOptions withAudioDevices(AudioDevicesPort value) {
        return new ClientOptions(presence, history, value, policy, policyExecutor, chatWork, securityProfile,
                routing);
    }

    /** The service policy and where it starts or stops a half. */
    public ClientOptions withPolicy(ServicePolicy value, Executor executor) {
        return new ClientOptions(presence, history, audioDevices, value, executor, chatWork, securityProfile,
                routing);
    }

    public ClientOptions withChatWork(Executor value) {
        return new ClientOptions(presence, history, audioDevices, policy, policyExecutor, Optional.of(value),
                securityProfile, routing);
    }

    public ClientOptions withSecurityProfile(SecurityProfile value) {
        return new ClientOptions(presence, history, audioDevices, policy, policyExecutor, chatWork, value,
                routing);
    }

    public ClientOptions withRouting(RoutingSettings value) {
        return new ClientOptions(presence, history, audioDevices, policy, policyExecutor, chatWork,
                securityProfile, value);
    }
}
