package org.cusax.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ConcurrentModificationException;
import java.util.Properties;
import java.util.function.Supplier;

import javax.sip.PeerUnavailableException;

import gov.nist.javax.sip.SipStackImpl;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * JAIN-SIP 1.3.0-91 can throw half-way through {@code stop()} when a stack stops right after it started (its
 * UDP processor's channel list not made yet, or changed under the iteration) or while a TCP channel closes itself
 * (its socket field set to null between the check and the close): the stop is tried again, so the processors the
 * first attempt did not reach are stopped too. Anything else is not ours to hide.
 */
class StackShutdownTest {

    @Test
    @DisplayName("a stop that failed on the UDP processor's not-yet-made channel list (NPE) is tried again")
    void stopRetriedAfterTheNullChannelListRace() throws Exception {
        FailingOnceStack stack = FailingOnceStack.create(() -> thrownAt("gov.nist.javax.sip.stack.UDPMessageProcessor",
                "stop", new NullPointerException(
                        "Cannot invoke \"java.util.LinkedList.iterator()\" because \"this.messageChannels\" is null")));

        StackShutdown.stopStack(stack);

        assertThat(stack.attempts).isEqualTo(2);
        assertThat(stack.completed).as("the second attempt ran JAIN-SIP's whole stop").isTrue();
    }

    @Test
    @DisplayName("a stop that failed closing a TCP channel its own thread was closing too (NPE) is tried again")
    void stopRetriedAfterTheTcpChannelCloseRace() throws Exception {
        FailingOnceStack stack = FailingOnceStack.create(() -> thrownAt("gov.nist.javax.sip.stack.TCPMessageChannel",
                "close", new NullPointerException(
                        "Cannot invoke \"java.net.Socket.close()\" because \"this.mySock\" is null")));

        StackShutdown.stopStack(stack);

        assertThat(stack.attempts).isEqualTo(2);
        assertThat(stack.completed).isTrue();
    }

    @Test
    @DisplayName("a stop that failed on a channel list changed under it (CME) is tried again")
    void stopRetriedAfterTheChannelListChangedUnderIt() throws Exception {
        FailingOnceStack stack = FailingOnceStack.create(ConcurrentModificationException::new);

        StackShutdown.stopStack(stack);

        assertThat(stack.attempts).isEqualTo(2);
        assertThat(stack.completed).isTrue();
    }

    @Test
    @DisplayName("any other failure of the stop is not swallowed")
    void otherFailuresPropagate() throws Exception {
        FailingOnceStack stack = FailingOnceStack.create(() -> new IllegalStateException("something else"));

        assertThatThrownBy(() -> StackShutdown.stopStack(stack)).isInstanceOf(IllegalStateException.class);
        assertThat(stack.attempts).isEqualTo(1);
        stack.stop(); // the real stop, so that the test leaves no stack threads behind
    }

    @Test
    @DisplayName("a NullPointerException elsewhere in the stop is a bug of its own: not swallowed")
    void aNullPointerExceptionElsewhereIsNotTakenForTheRace() throws Exception {
        FailingOnceStack stack = FailingOnceStack.create(() -> thrownAt("gov.nist.javax.sip.stack.SIPTransactionStack",
                "stopStack", new NullPointerException("something else")));

        assertThatThrownBy(() -> StackShutdown.stopStack(stack)).isInstanceOf(NullPointerException.class)
                .hasMessage("something else");
        assertThat(stack.attempts).isEqualTo(1);
        stack.stop();
    }

    /** {@code e} as if thrown by {@code className.method} (the frame the race's exception has on top). */
    private static RuntimeException thrownAt(String className, String method, RuntimeException e) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, method, null, -1)});
        return e;
    }

    /** A real stack whose first stop throws what the race throws, before doing anything. */
    private static final class FailingOnceStack extends SipStackImpl {
        private final Supplier<RuntimeException> failure;
        int attempts;
        boolean completed;

        private FailingOnceStack(Properties properties, Supplier<RuntimeException> failure)
                throws PeerUnavailableException {
            super(properties);
            this.failure = failure;
        }

        static FailingOnceStack create(Supplier<RuntimeException> failure) throws PeerUnavailableException {
            Properties p = new Properties();
            p.setProperty("javax.sip.STACK_NAME", "shutdown-" + System.nanoTime());
            return new FailingOnceStack(p, failure);
        }

        @Override
        public void stop() {
            if (++attempts == 1) {
                throw failure.get();
            }
            super.stop();
            completed = true;
        }
    }
}
