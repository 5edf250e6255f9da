package org.cusax.sip.stack;

import java.util.Properties;

import javax.sip.SipStack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message trace, sent to SLF4J at TRACE (logger {@code org.cusax.sip.messages}) with
 * credentials redacted. Instantiated by the stack by name.
 */
public final class Slf4jServerLogger implements ServerLogger {
    /** Set this logger to TRACE to see every SIP message sent and received (credentials redacted). */
    public static final String LOGGER_NAME = "org.cusax.sip.messages";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    public Slf4jServerLogger() {
        // created reflectively by JAIN-SIP
    }

    @Override
    public void closeLogFile() {
        // nothing open
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isTraceEnabled() && message != null) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to,
                    LogRedactor.redact(message.encode()));
        }
    }

    @Override
    public void logException(Exception ex) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("JAIN-SIP: {}", LogRedactor.redact(String.valueOf(ex)));
        }
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
