package org.cusax.core.config;

import org.cusax.core.connection.Backoff;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.service.CusaxLink;

/**
 * Everything needed to build a client: the two linked accounts and the settings of each half.
 *
 * @param link      the SIP and XMPP accounts of the service
 * @param xmpp      XMPP half settings
 * @param sip       SIP half settings
 * @param reconnect backoff used by both halves
 * @param contacts  how contacts and their telephony addresses are loaded and read
 * @param presence  what our presence shows during calls ("on the phone")
 * @param history   where the call and chat history is kept
 * @param audio     the sound devices of live calls
 * @param daemon    where the daemon keeps its lock and token, and its port
 * @param policy    the provider's service policy (RFC 7081 §2) honoured at start-up
 * @param provisioning where the configuration was provisioned from
 * @param securityProfile what happens when the halves are not protected alike ({@code security.profile})
 * @param routing   how calls leaving our service are flagged and confirmed ({@code routing.*})
 */
public record ClientConfig(CusaxLink link, XmppSettings xmpp, SipSettings sip, Backoff reconnect,
                           ContactSettings contacts, PresenceSettings presence, HistorySettings history,
                           AudioSettings audio, DaemonSettings daemon, ServicePolicy policy,
                           ProvisioningSettings provisioning, SecurityProfile securityProfile, RoutingSettings routing) {
    /** Settings with only the sections below: the others at their defaults (daemon state under tmp). */
    public ClientConfig(CusaxLink link, XmppSettings xmpp, SipSettings sip, Backoff reconnect,
                        ContactSettings contacts, PresenceSettings presence, HistorySettings history) {
        this(link, xmpp, sip, reconnect, contacts, presence, history, AudioSettings.defaults(),
                new DaemonSettings(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "cusax-state"), 0),
                ServicePolicy.independent(), ProvisioningSettings.none(), SecurityProfile.MATCHED,
                RoutingSettings.defaults());
    }

    public ClientConfig(CusaxLink link, XmppSettings xmpp, SipSettings sip, Backoff reconnect,
                        ContactSettings contacts) {
        this(link, xmpp, sip, reconnect, contacts, PresenceSettings.defaults(), HistorySettings.none());
    }
}
