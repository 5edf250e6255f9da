package org.cusax.app.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Maps -v flags to log levels; logs go to stderr so stdout stays clean for JSON. */
final class LogLevels {
    private LogLevels() {
    }

    static void apply(int verbosity) {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
            return;
        }
        Logger cusax = (Logger) LoggerFactory.getLogger("org.cusax");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        switch (verbosity) {
            case 0 -> cusax.setLevel(Level.WARN);
            case 1 -> cusax.setLevel(Level.INFO);
            default -> {
                cusax.setLevel(Level.DEBUG);
                root.setLevel(Level.INFO);
            }
        }
    }
}
