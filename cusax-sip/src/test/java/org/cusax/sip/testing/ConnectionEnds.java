package org.cusax.sip.testing;

import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;

import org.cusax.core.testing.Eventually;

/** For tests of what a stopping SIP stack does to its connections: accepted, then closed. */
public final class ConnectionEnds {
    private ConnectionEnds() {
    }

    /**
     * Reads until the connection ends (true) or the socket's read timeout passes with it still open
     * (false); set {@link Socket#setSoTimeout} first.
     */
    public static boolean readEnd(Socket socket) throws Exception {
        try {
            while (socket.getInputStream().read() != -1) {
                // a TLS alert may come before the end
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Waits (up to 5 s) until a thread named {@code prefix}… not in {@code before} runs: the stack accepted. */
    public static void awaitAccepted(Set<Thread> before, String prefix) throws InterruptedException {
        if (Eventually.holds(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> !before.contains(t) && t.getName().startsWith(prefix)), java.time.Duration.ofSeconds(5))) {
            return;
        }
        throw new AssertionError("the stack did not accept the connection (no new " + prefix + " thread)");
    }
}
