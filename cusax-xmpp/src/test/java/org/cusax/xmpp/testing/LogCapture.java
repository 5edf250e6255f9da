package org.cusax.xmpp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

/**
 * Captures every log line of a test run, ours (SLF4J/Logback, all levels) and Smack's
 * (java.util.logging, all levels), with stack traces, so that a test can check what was never logged.
 */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            String text = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()));
            synchronized (lines) {
                lines.add(text);
            }
        }
    };
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder text = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    text.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                text.append('\n').append(t);
            }
            synchronized (lines) {
                lines.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final java.util.logging.Logger smack = java.util.logging.Logger.getLogger("org.jivesoftware");
    private final Level smackLevel = smack.getLevel();

    public LogCapture() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        smack.setLevel(Level.ALL);
        smack.addHandler(handler);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        smack.removeHandler(handler);
        smack.setLevel(smackLevel);
    }
}
