package org.cusax.testbed.baresip;

import org.cusax.testbed.sip.SipTransport;

/**
 * The one SIP account a {@link BaresipUa} registers and calls with.
 *
 * @param user       user part of the AOR (also the digest user name)
 * @param domain     SIP domain
 * @param password   digest password (written to the UA's accounts file, mode 600, never logged)
 * @param transport  SIP transport: UDP or TLS
 * @param proxyHost  outbound proxy / registrar address
 * @param proxyPort  its port for {@code transport}
 * @param srtp       offer and require SRTP (SDES, RTP/SAVP): baresip's {@code mediaenc=srtp-mand}
 */
public record BaresipAccount(String user, String domain, String password, SipTransport transport, String proxyHost,
        int proxyPort, boolean srtp) {

    public BaresipAccount {
        if (transport == SipTransport.TCP) {
            throw new IllegalArgumentException("the baresip driver speaks UDP or TLS");
        }
        if (password.contains(";") || password.contains("\n") || password.contains("\"")) {
            throw new IllegalArgumentException("password not allowed in a baresip accounts line");
        }
    }

    /** {@code sip:user@domain}. */
    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    /** The line of baresip's {@code accounts} file. */
    String accountsLine() {
        String t = transport.token();
        return "<sip:" + user + "@" + domain + ";transport=" + t + ">"
                + ";auth_pass=" + password
                + ";outbound=\"sip:" + proxyHost + ":" + proxyPort + ";transport=" + t + ";lr\""
                + ";regint=60;answermode=auto;audio_codecs=PCMU,PCMA"
                + (srtp ? ";mediaenc=srtp-mand" : "");
    }
}
