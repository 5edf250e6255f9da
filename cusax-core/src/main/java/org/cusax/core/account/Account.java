package org.cusax.core.account;

/**
 * One protocol account.
 *
 * @param protocol    SIP or XMPP
 * @param address     the SIP address-of-record ({@code sip:alice@example.com}) or the bare JID
 *                    ({@code alice@example.com})
 * @param authUser    user name used for authentication (SIP digest user, XMPP local part)
 * @param password    the credential; never printed
 * @param domain      the service domain, against which server certificates are checked
 * @param server      where to connect
 * @param security    TLS policy
 * @param features    calling and IM/presence switches
 */
public record Account(Protocol protocol, String address, String authUser, Secret password, String domain,
                      ServerEndpoint server, SecuritySettings security, Features features) {
    public Account {
        require(protocol != null, "protocol is missing");
        require(address != null && !address.isBlank(), "address is empty");
        require(authUser != null && !authUser.isBlank(), "user name is empty for " + address);
        require(password != null, "password is missing for " + address);
        require(domain != null && !domain.isBlank(), "domain is empty for " + address);
        require(server != null, "server is missing for " + address);
        require(security != null, "security settings are missing for " + address);
        require(features != null, "feature switches are missing for " + address);
        if (protocol == Protocol.XMPP && server.transport() == Transport.UDP) {
            throw new IllegalArgumentException("XMPP cannot run over UDP");
        }
    }

    /** The same account with other feature switches. */
    public Account withFeatures(Features other) {
        return new Account(protocol, address, authUser, password, domain, server, security, other);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return protocol + " account " + address + " via " + server;
    }
}
