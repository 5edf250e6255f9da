package org.cusax.bench.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 that delays every byte by half the round-trip time in each direction (this
 * kernel has no netem). Bytes keep their order; bandwidth is not limited. Each relayed connection uses two
 * reader and two writer threads.
 */
public final class DelayRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long oneWayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** @param rttMillis added round-trip time (0: a plain relay) */
    public DelayRelay(int targetPort, long rttMillis) throws IOException {
        this.targetPort = targetPort;
        this.oneWayNanos = TimeUnit.MILLISECONDS.toNanos(rttMillis) / 2;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "delay-relay");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // closing
            }
        }
    }

    private record Chunk(byte[] data, long due, long seq) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Chunk c = (Chunk) o;
            return due != c.due ? Long.compare(due, c.due) : Long.compare(seq, c.seq);
        }
    }

    private void pipe(Socket from, Socket to) {
        DelayQueue<Chunk> queue = new DelayQueue<>();
        daemon(() -> {
            long seq = 0;
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buf)) != -1) {
                    queue.put(new Chunk(java.util.Arrays.copyOf(buf, n), System.nanoTime() + oneWayNanos, seq++));
                }
            } catch (IOException e) {
                // closed
            }
            queue.put(new Chunk(new byte[0], System.nanoTime() + oneWayNanos, seq));
        }, "delay-relay-in");
        daemon(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.data().length == 0) {
                        break;
                    }
                    out.write(c.data());
                }
            } catch (IOException | InterruptedException e) {
                // closed
            } finally {
                close(to);
                close(from);
            }
        }, "delay-relay-out");
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(DelayRelay::close);
    }
}
