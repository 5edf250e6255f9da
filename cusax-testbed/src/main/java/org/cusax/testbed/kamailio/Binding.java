package org.cusax.testbed.kamailio;

/**
 * One registrar binding (contact) of an address-of-record, as reported by
 * {@code kamcmd ul.lookup location USER}.
 *
 * @param contact        the Contact URI the client registered
 * @param received       the source address stored for clients on TCP/TLS or behind NAT
 *                       ({@code sip:127.0.0.1:40123;transport=tls}), or null when not set
 * @param socket         Kamailio's socket the registration arrived on ({@code tls:127.0.0.1:5061})
 * @param expiresSeconds seconds left
 * @param userAgent      the client's User-Agent, or null
 * @param callId         Call-ID of the registration
 */
public record Binding(String contact, String received, String socket, long expiresSeconds, String userAgent,
        String callId) {

    /** The transport of the registration ("udp", "tcp" or "tls"), from the socket. */
    public String transport() {
        int colon = socket == null ? -1 : socket.indexOf(':');
        return colon < 0 ? null : socket.substring(0, colon);
    }
}
