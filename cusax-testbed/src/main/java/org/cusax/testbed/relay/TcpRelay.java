package org.cusax.testbed.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 in front of a server on loopback. It can delay every byte by half a given
 * round-trip time in each direction (bytes keep their order; bandwidth is not limited), and it can be
 * paused: while paused it neither reads nor forwards, in either direction, so the connections stay open
 * but nothing moves; the client's socket buffers fill and a writer on it eventually blocks. Each relayed
 * connection uses two reader and two writer daemon threads. {@link #cut} resets every relayed connection at
 * once while the server keeps running: a client losing its network while the server keeps its session.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long oneWayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private boolean paused;

    /** A plain relay (no added delay) that can be paused. */
    public TcpRelay(int targetPort) throws IOException {
        this(targetPort, 0);
    }

    /** @param rttMillis added round-trip time (0: a plain relay) */
    public TcpRelay(int targetPort, long rttMillis) throws IOException {
        this.targetPort = targetPort;
        this.oneWayNanos = TimeUnit.MILLISECONDS.toNanos(rttMillis) / 2;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "tcp-relay");
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Stops forwarding (and reading) until {@link #resume}. */
    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Resets every connection currently relayed (RST, no FIN: the peers get no clean close). */
    public void cut() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            close(s);
        }
        sockets.clear();
    }

    private synchronized void awaitRunning() throws InterruptedException {
        while (paused) {
            wait();
        }
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
                // closing, or the server is down
            }
        }
    }

    /** Bytes read at one time, due for writing half the round-trip time later; an empty one ends the pipe. */
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
                while (true) {
                    awaitRunning();
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    queue.put(new Chunk(Arrays.copyOf(buf, n), System.nanoTime() + oneWayNanos, seq++));
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
            queue.put(new Chunk(new byte[0], System.nanoTime() + oneWayNanos, seq));
        }, "tcp-relay-in");
        daemon(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.data().length == 0) {
                        break;
                    }
                    awaitRunning();
                    out.write(c.data());
                }
            } catch (IOException | InterruptedException e) {
                // closed
            } finally {
                close(to);
                close(from);
            }
        }, "tcp-relay-out");
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
        resume();
        listener.close();
        sockets.forEach(TcpRelay::close);
    }
}
