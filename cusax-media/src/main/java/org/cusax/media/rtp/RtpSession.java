package org.cusax.media.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.AudioSource;
import org.cusax.media.audio.Pcm;
import org.cusax.media.codec.CodecException;
import org.cusax.media.dtmf.DtmfListener;
import org.cusax.media.dtmf.DtmfSender;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.srtp.SrtpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio stream. {@link #bind} reserves the RTP/RTCP ports (their numbers go into the SDP),
 * {@link #start} runs the negotiated media: every 20 ms one frame from the source is encoded and sent
 * (or an RFC 4733 DTMF step instead) and one frame is played from the jitter buffer into the sink; RTCP
 * SR/RR go out every few seconds. {@link #update} applies a re-negotiation (hold, resume, new address)
 * between two ticks; {@link #close} stops all traffic before it returns ({@link #isStopped} says when every
 * thread of the session has ended). The session never closes the source or sink it was given, and never
 * calls them after {@code close()} returns.
 */
public final class RtpSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RtpSockets sockets;
    private final RtpOptions options;
    private final long ssrc = RANDOM.nextInt() & 0xFFFF_FFFFL;
    private final Counters counters = new Counters();
    private final JitterBuffer jitter;
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final RemoteTarget target;
    private final List<DtmfListener> listeners = new CopyOnWriteArrayList<>();
    private final short[] frame = new short[Pcm.FRAME_SAMPLES];
    private final short[] pending = new short[Pcm.SAMPLE_RATE];
    /** Held by each 20 ms tick and by {@link #update} while it swaps the state: a tick runs on one state only. */
    private final Object tickLock = new Object();
    private int pendingLength;
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xFFFF_FFFFL;
    private boolean firstAudio = true;
    private long ticks;
    private long failures;
    private volatile MediaState state;
    private volatile boolean closed;
    private AudioSource source;
    private AudioSink sink;
    private ScheduledExecutorService ticker;
    private PacketReceiver receiver;

    private RtpSession(RtpSockets sockets, RtpOptions options) {
        this.sockets = sockets;
        this.options = options;
        this.jitter = new JitterBuffer(options.jitterCapacity(), options.jitterDepth());
        this.target = new RemoteTarget(options.symmetric());
    }

    /** Binds RTP on {@code port} (0 = any free even port) and RTCP on the next port, default options. */
    public static RtpSession bind(InetAddress address, int port) throws IOException {
        return bind(address, port, RtpOptions.defaults());
    }

    public static RtpSession bind(InetAddress address, int port, RtpOptions options) throws IOException {
        return new RtpSession(RtpSockets.bind(Objects.requireNonNull(address, "address"), port), options);
    }

    /** The local RTP address and port, for {@code c=} and {@code m=} of our SDP. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) sockets.rtp.getLocalSocketAddress();
    }

    public int localRtcpPort() {
        return sockets.rtcp.getLocalPort();
    }

    /** Our SSRC. */
    public long ssrc() {
        return ssrc;
    }

    /** Tells {@code listener} about each DTMF digit received (on a media thread). */
    public void addDtmfListener(DtmfListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Starts media as negotiated. Calls {@code source} and {@code sink} from the media thread only.
     *
     * @throws MediaStartException if a codec or SRTP cannot be set up
     */
    public synchronized void start(NegotiatedMedia media, AudioSource source, AudioSink sink) throws MediaStartException {
        if (closed) {
            throw new IllegalStateException("the RTP session is closed");
        }
        if (ticker != null) {
            throw new IllegalStateException("the RTP session is already started; use update()");
        }
        Objects.requireNonNull(media, "media");
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.state = MediaState.create(media, null);
        target.reset(media.remoteRtp(), media.remoteRtcp());
        receiver = new PacketReceiver(sockets, () -> state, counters, jitter, reception, target, listeners);
        receiver.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cusax-rtp-tick-" + sockets.rtp.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, Pcm.FRAME_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("RTP {} -> {} started: {} {}", localAddress(), media.remoteRtp(), media.sendFormat().rtpmap(),
                media.isSecure() ? "SRTP " + media.srtp().get().profile() : "plain RTP");
    }

    /**
     * Applies a new negotiation (re-INVITE): direction, remote address, codecs, keys. It takes effect between
     * two ticks: a tick already running finishes first (its packet counted), and once this returns nothing
     * more is sent under the old negotiation (e.g. not one packet after a hold), and the outgoing SRTP
     * context it replaces is no longer in use when it is closed.
     */
    public synchronized void update(NegotiatedMedia media) throws MediaStartException {
        if (state == null || closed) {
            throw new IllegalStateException("update() needs a started, open session");
        }
        MediaState old = state; // only start() and update() replace it, both under this session's lock
        MediaState next = MediaState.create(media, old);
        synchronized (tickLock) {
            state = next;
            if (!media.remoteRtp().equals(old.media.remoteRtp()) || !media.remoteRtcp().equals(old.media.remoteRtcp())) {
                target.reset(media.remoteRtp(), media.remoteRtcp()); // keep what symmetric RTP learnt if unchanged
            }
        }
        old.closeReplacedBy(next);
    }

    /**
     * Queues DTMF digits (0-9, *, #, A-D) to send as RFC 4733 telephone-events.
     *
     * @throws IllegalStateException if the session is not started or the peer did not accept telephone-event
     */
    public void sendDtmf(String digits) {
        MediaState s = state;
        if (s == null) {
            throw new IllegalStateException("start the session before sending DTMF");
        }
        if (s.dtmfSender == null) {
            throw new IllegalStateException("the peer did not accept telephone-event: DTMF cannot be sent");
        }
        s.dtmfSender.send(digits);
    }

    /** True while DTMF digits are queued or being sent. */
    public boolean isSendingDtmf() {
        MediaState s = state;
        return s != null && s.dtmfSender != null && s.dtmfSender.isBusy();
    }

    /** A snapshot of the counters. */
    public RtpStatistics statistics() {
        return counters.snapshot(jitter);
    }

    /** Where RTP currently goes (after symmetric RTP latching). */
    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.ofNullable(target.rtp());
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * True once {@link #close()} has ended every thread of this session (the 20 ms tick and both receivers):
     * from then on no counter of {@link #statistics()} moves, nothing is sent and no DTMF listener is called.
     * {@code close()} normally returns in that state; a tick or receiver still stuck when it gave up waiting
     * shows here as false.
     */
    public synchronized boolean isStopped() {
        return closed && (ticker == null || ticker.isTerminated()) && (receiver == null || receiver.hasEnded());
    }

    /** Stops sending and receiving at once and releases the ports. Idempotent. */
    @Override
    public void close() {
        PacketReceiver r;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            r = receiver;
            if (r != null) {
                r.stop();
            }
            if (ticker != null) {
                ticker.shutdownNow();
                try {
                    if (!ticker.awaitTermination(2, TimeUnit.SECONDS)) {
                        LOG.warn("RTP tick on port {} did not stop in time", sockets.rtp.getLocalPort());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sockets.close();
            if (state != null) {
                state.close();
            }
        }
        if (r != null) {
            try {
                r.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("RTP session on port {} closed: {}", sockets.rtp.getLocalPort(), statistics());
    }

    private void tick() {
        synchronized (tickLock) {
            tickOnce();
        }
    }

    private void tickOnce() {
        if (closed) {
            return;
        }
        MediaState s = state;
        try {
            sendStep(s);
        } catch (RuntimeException e) {
            warn("sending a frame (audio source or encoder) failed", e);
        }
        try {
            playStep(s);
        } catch (RuntimeException e) {
            warn("playing a frame (decoder or audio sink) failed", e);
        }
        ticks++;
        if (ticks % options.rtcpIntervalTicks() == options.rtcpIntervalTicks() / 2) {
            try {
                sendRtcp(s);
            } catch (RuntimeException e) {
                warn("sending RTCP failed", e);
            }
        }
    }

    /** Logs the 1st, 2nd, 4th, 8th... failure only: a broken sink must not flood the log 50 times a second. */
    private void warn(String what, RuntimeException e) {
        failures++;
        if (Long.bitCount(failures) == 1) {
            LOG.warn("{} (failure #{} in this session)", what, failures, e);
        }
    }

    private void sendStep(MediaState s) {
        long ts = timestamp;
        timestamp = (timestamp + s.encoder.timestampIncrement()) & 0xFFFF_FFFFL;
        if (!s.media.direction().sends()) {
            return;
        }
        source.read(frame);
        Optional<DtmfSender.Packet> event = s.dtmfSender == null ? Optional.empty() : s.dtmfSender.next(ts);
        RtpPacket packet;
        if (event.isPresent()) {
            DtmfSender.Packet e = event.get();
            packet = RtpPacket.of(e.marker(), s.dtmfPayloadType, nextSequence(), e.timestamp(), ssrc, e.event().encode());
            counters.dtmfPacketsSent.incrementAndGet();
        } else {
            packet = RtpPacket.of(firstAudio, s.media.sendFormat().payloadType(), nextSequence(), ts, ssrc,
                    s.encoder.encode(frame));
            firstAudio = false;
        }
        byte[] bytes = packet.toBytes();
        if (s.srtpOut != null) {
            try {
                bytes = s.srtpOut.protectRtp(bytes);
            } catch (SrtpException e) {
                LOG.warn("SRTP protect failed: {}", e.getMessage());
                return;
            }
        }
        if (send(sockets.rtp, bytes, target.rtp())) {
            counters.rtpPacketsSent.incrementAndGet();
            counters.rtpBytesSent.addAndGet(bytes.length);
            counters.payloadOctetsSent.addAndGet(packet.payloadLength());
        }
    }

    private int nextSequence() {
        int s = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return s;
    }

    private void playStep(MediaState s) {
        while (pendingLength < Pcm.FRAME_SAMPLES) {
            Optional<RtpPacket> p = jitter.poll();
            if (p.isEmpty()) {
                break;
            }
            var decoder = s.decoders.get(p.get().payloadType());
            if (decoder == null) {
                continue;
            }
            try {
                short[] pcm = decoder.decode(p.get().payload());
                int n = Math.min(pcm.length, pending.length - pendingLength);
                System.arraycopy(pcm, 0, pending, pendingLength, n);
                pendingLength += n;
            } catch (CodecException e) {
                counters.malformed.incrementAndGet();
                LOG.debug("undecodable payload: {}", e.getMessage());
            }
        }
        if (!s.media.direction().receives()) {
            pendingLength = 0;
            return;
        }
        if (pendingLength == 0 && !jitter.isPlaying()) {
            return;
        }
        short[] out = new short[Pcm.FRAME_SAMPLES];
        int n = Math.min(pendingLength, out.length);
        System.arraycopy(pending, 0, out, 0, n);
        System.arraycopy(pending, n, pending, 0, pendingLength - n);
        pendingLength -= n;
        sink.write(out);
    }

    private void sendRtcp(MediaState s) {
        long sent = counters.rtpPacketsSent.get();
        Rtcp.SenderInfo info = sent == 0 ? null
                : new Rtcp.SenderInfo(ntpNow(), timestamp, sent, counters.payloadOctetsSent.get());
        byte[] bytes = Rtcp.compound(ssrc, info, reception.reportBlock(System.nanoTime()), options.cname());
        if (s.srtpOut != null) {
            try {
                bytes = s.srtpOut.protectRtcp(bytes);
            } catch (SrtpException e) {
                LOG.warn("SRTCP protect failed: {}", e.getMessage());
                return;
            }
        }
        boolean mux = s.media.rtcpMux();
        if (send(mux ? sockets.rtp : sockets.rtcp, bytes, target.rtcp(mux))) {
            counters.rtcpPacketsSent.incrementAndGet();
        }
    }

    private boolean send(DatagramSocket socket, byte[] bytes, InetSocketAddress to) {
        if (closed || to == null || to.getPort() == 0 || to.getAddress().isAnyLocalAddress()) {
            return false;
        }
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            return true;
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("send to {} failed: {}", to, e.toString());
            }
            return false;
        }
    }

    private static long ntpNow() {
        long ms = System.currentTimeMillis();
        long seconds = ms / 1000 + NTP_EPOCH_OFFSET;
        long fraction = ((ms % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }
}
