package org.cusax.core.testing;

import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.service.CusaxLink;

/** Ready-made accounts for unit tests. */
public final class TestAccounts {
    private TestAccounts() {
    }

    public static Account xmpp(String user) {
        return new Account(Protocol.XMPP, user + "@cusax.test", user, Secret.of("pw-" + user), "cusax.test",
                new ServerEndpoint("127.0.0.1", 5222, Transport.TCP), SecuritySettings.defaults(),
                Features.chatDefaults());
    }

    public static Account sip(String user, Transport transport) {
        return new Account(Protocol.SIP, "sip:" + user + "@cusax.test", user, Secret.of("pw-" + user), "cusax.test",
                new ServerEndpoint("127.0.0.1", transport.defaultSipPort(), transport), SecuritySettings.defaults(),
                Features.telephonyDefaults());
    }

    public static CusaxLink link(String user) {
        return new CusaxLink(Optional.of(sip(user, Transport.TLS)), Optional.of(xmpp(user)));
    }
}
