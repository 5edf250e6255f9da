package org.cusax.sip.stack;

import java.util.Properties;

import gov.nist.core.StackLogger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's internal log, sent to SLF4J at lower levels than the stack thinks (its "errors" are
 * often routine, e.g. a dropped stray response, and it warns about unused TLS server settings on every
 * start): error → WARN, warning → DEBUG, info and debug → TRACE. Everything passes through {@link LogRedactor}. Instantiated by the stack by name.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.cusax.sip.jainsip");
    private static final Logger MESSAGES = LoggerFactory.getLogger(Slf4jServerLogger.LOGGER_NAME);

    public Slf4jStackLogger() {
        // created reflectively by JAIN-SIP
    }

    @Override
    public void logStackTrace() {
        // stack traces of the caller are noise
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // stack traces of the caller are noise
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("JAIN-SIP: {}", LogRedactor.redact(String.valueOf(ex)));
        }
    }

    @Override
    public void logDebug(String message) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(LogRedactor.redact(message));
        }
    }

    @Override
    public void logDebug(String message, Exception ex) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(LogRedactor.redact(message) + ": " + LogRedactor.redact(String.valueOf(ex)));
        }
    }

    @Override
    public void logTrace(String message) {
        logDebug(message);
    }

    @Override
    public void logFatalError(String message) {
        logError(message);
    }

    @Override
    public void logError(String message) {
        if (LOG.isWarnEnabled()) {
            LOG.warn("JAIN-SIP: {}", LogRedactor.redact(message));
        }
    }

    @Override
    public void logError(String message, Exception ex) {
        if (LOG.isWarnEnabled()) {
            LOG.warn("JAIN-SIP: {}: {}", LogRedactor.redact(message), LogRedactor.redact(String.valueOf(ex)));
        }
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isWarnEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_ERROR) {
            return logLevel > TRACE_NONE && LOG.isWarnEnabled();
        }
        if (logLevel <= TRACE_WARN) {
            return LOG.isDebugEnabled();
        }
        if (logLevel == TRACE_MESSAGES) {
            // also the level at which the stack hands messages to Slf4jServerLogger
            return LOG.isTraceEnabled() || MESSAGES.isTraceEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void logWarning(String message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("JAIN-SIP: {}", LogRedactor.redact(message));
        }
    }

    @Override
    public void logInfo(String message) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(LogRedactor.redact(message));
        }
    }

    @Override
    public void disableLogging() {
        // levels are SLF4J's business
    }

    @Override
    public void enableLogging() {
        // levels are SLF4J's business
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
