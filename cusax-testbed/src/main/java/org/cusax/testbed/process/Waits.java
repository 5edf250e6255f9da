package org.cusax.testbed.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling waits with a deadline. */
public final class Waits {

    private Waits() {
    }

    /**
     * Polls {@code condition} every 50 ms until it holds; returns false when {@code limit} passes
     * first. Exceptions thrown by the condition count as "not yet".
     */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // try again
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
    }

    /** True if a TCP connection to 127.0.0.1:{@code port} succeeds now. */
    public static boolean tcpOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
