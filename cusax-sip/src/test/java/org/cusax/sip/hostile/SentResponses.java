package org.cusax.sip.hostile;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.cusax.sip.stack.Slf4jServerLogger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Test helper: every response our SIP stacks send, read from the stack's own message trace (logger
 * {@link Slf4jServerLogger#LOGGER_NAME} at TRACE). Over UDP, RFC 3261 §18.2.2 sends a response to the
 * top Via's sent-by port, which for a byte-exact RFC 4475 message is not the sender's socket: the trace shows
 * what was answered all the same.
 */
final class SentResponses extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Queue<String> sent = new ConcurrentLinkedQueue<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Slf4jServerLogger.LOGGER_NAME);
    private final Level before = logger.getLevel();
    private final boolean additiveBefore = logger.isAdditive();

    SentResponses() {
        setName("sent-responses");
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
        logger.setAdditive(false); // kept out of the console: only this appender sees the trace
        logger.setLevel(Level.TRACE);
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = event.getFormattedMessage();
        if (text.startsWith("sent ")) {
            sent.add(text.substring(text.indexOf('\n') + 1));
            synchronized (sent) {
                sent.notifyAll();
            }
        }
    }

    /** The first final response the stack sent for {@code callId}. */
    Optional<Integer> finalStatus(String callId) {
        for (String message : sent) {
            Optional<Integer> status = RawSipClient.finalStatus(message, callId);
            if (status.isPresent()) {
                return status;
            }
        }
        return Optional.empty();
    }

    /** Waits up to {@code millis} for the stack to send a final response for {@code callId}. */
    Optional<Integer> awaitFinalStatus(String callId, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (sent) {
            Optional<Integer> status = finalStatus(callId);
            for (long left = millis; status.isEmpty() && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                sent.wait(left);
                status = finalStatus(callId);
            }
            return status;
        }
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(before);
        logger.setAdditive(additiveBefore);
        stop();
    }
}
