package org.cusax.testbed.sip;

import java.time.Duration;

/**
 * Asks a SIP proxy, over UDP, whether a user is reachable: an OPTIONS to {@code sip:user@domain}
 * from a foreign address ({@value #PROBE_FROM}, so the proxy routes it without authentication)
 * and the final status code. With the testbed's Kamailio: 200 = routed to a registered UA that
 * answered; 480 = the user exists but has no binding; 404 = no such user.
 */
public final class SipProbe {

    /** From URI of probes: a foreign domain. */
    public static final String PROBE_FROM = "sip:probe@probe.invalid";
    /** Status returned when nothing answered in time (like RFC 3261's locally generated 408). */
    public static final int NO_ANSWER = 408;

    private final String host;
    private final int udpPort;
    private final String domain;
    private Duration timeout = SipUdpClient.DEFAULT_TIMEOUT;

    public SipProbe(String host, int udpPort, String domain) {
        this.host = host;
        this.udpPort = udpPort;
        this.domain = domain;
    }

    /** Changes how long a probe waits for its final response. */
    public SipProbe timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Final status of an OPTIONS to {@code sip:user@domain}; {@value #NO_ANSWER} if none came. */
    public int options(String user) {
        return optionsResponse(user).status();
    }

    /** Final response of an OPTIONS to {@code sip:user@domain}; a synthesized 408 if none came. */
    public SipResponse optionsResponse(String user) {
        return send("sip:" + user + "@" + domain);
    }

    /** Final status of an OPTIONS to the server itself ({@code sip:domain}); 200 when it is up. */
    public int keepalive() {
        return send("sip:" + domain).status();
    }

    /**
     * REGISTERs {@code contact} for {@code user} (digest with {@code password}); returns the final
     * response (200 on success). {@code expires} 0 removes the binding.
     */
    public SipResponse register(String user, String password, String contact, int expires) {
        try (SipUdpClient c = new SipUdpClient(host, udpPort).timeout(timeout)) {
            return c.register(domain, user, password, contact, expires);
        }
    }

    private SipResponse send(String uri) {
        try (SipUdpClient c = new SipUdpClient(host, udpPort).timeout(timeout)) {
            return c.options(uri, PROBE_FROM);
        } catch (SipTimeoutException e) {
            return SipResponse.parse("SIP/2.0 408 No answer from " + host + ":" + udpPort + "\r\n\r\n");
        }
    }
}
