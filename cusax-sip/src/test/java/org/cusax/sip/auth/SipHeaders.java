package org.cusax.sip.auth;

import java.text.ParseException;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;

/** Test helper: JAIN-SIP header parsing without a stack. */
final class SipHeaders {
    static final HeaderFactory FACTORY;

    static {
        try {
            FACTORY = SipFactory.getInstance().createHeaderFactory();
        } catch (PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SipHeaders() {
    }

    static DigestChallenge www(String value) {
        return parse(WWWAuthenticateHeader.NAME, value);
    }

    static DigestChallenge proxy(String value) {
        return parse("Proxy-Authenticate", value);
    }

    private static DigestChallenge parse(String name, String value) {
        try {
            return DigestChallenge.from((WWWAuthenticateHeader) FACTORY.createHeader(name, value)).orElseThrow();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
