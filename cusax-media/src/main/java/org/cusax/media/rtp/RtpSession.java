package org.cusax.media.rtp;

import java.io.IOException;
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
import java.util.function.LongSupplier;
import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.AudioSource;
import org.cusax.media.audio.Pcm;
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
 * between two ticks; {@link #close} sends a last report with an RTCP BYE (RFC 3550 §6.3.7, when the session
 * has sent anything) and stops all traffic before it returns ({@link #isStopped} says when every thread of the
 * session has ended). The session never closes the source or sink it was given, and never
 * calls them after {@code close()} returns.
 *
 * <p>After a stall of the tick thread (GC pause, CPU starvation, a slow sink) the session does not send or
 * play the missed frames as a burst. Up to 3 frames (60 ms) behind it catches up; further behind
 * ({@link TickPacer}) it skips the missed frames: the RTP timestamp advances by their duration, so the peer
 * sees a gap in media time (RFC 3550 §5.1); sequence numbers stay consecutive (nothing was sent, so the
 * peer counts nothing lost); the next audio packet carries the marker bit, as after a silence (RFC 3551
 * §4.1). The skipped frames of the source are read and discarded (at most 500 frames, 10 s): a file or tone
 * goes on where the media clock is, and a microphone sends what it hears now, not what it queued during the
 * stall. A DTMF digit in progress is not cut: it goes on after the gap. The playing side skips the same
 * frames ({@link Playout#skip}). Skips are counted in {@link RtpStatistics#stalls()} and
 * {@link RtpStatistics#framesSkipped()}.
 */
public final class RtpSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Most skipped frames read from the source and discarded after one stall (a suspended machine: hours). */
    static final int SOURCE_SKIP_LIMIT = 500;
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(Pcm.FRAME_MILLIS);

    private final RtpSockets sockets;
    private final RtpOptions options;
    private final long ssrc = RANDOM.nextInt() & 0xFFFF_FFFFL;
    private final Counters counters = new Counters();
    private final JitterBuffer jitter;
    private final Playout playout;
    private final LongSupplier clock;
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final RemoteTarget target;
    private final RtcpSender rtcp;
    private final List<DtmfListener> listeners = new CopyOnWriteArrayList<>();
    private final short[] frame = new short[Pcm.FRAME_SAMPLES];
    /** Held by each 20 ms tick and by {@link #update} while it swaps the state: a tick runs on one state only. */
    private final Object tickLock = new Object();
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xFFFF_FFFFL;
    /** Marker bit on the next audio packet: the first one, and the first after a skip (RFC 3551 §4.1). */
    private boolean markNextAudio = true;
    private long ticks;
    private long failures;
    private volatile MediaState state;
    private volatile boolean closed;
    private AudioSource source;
    private AudioSink sink;
    private ScheduledExecutorService ticker;
    private TickPacer pacer;
    private PacketReceiver receiver;

    private RtpSession(RtpSockets sockets, RtpOptions options, LongSupplier clock) {
        this.sockets = sockets;
        this.options = options;
        this.clock = clock;
        this.jitter = new JitterBuffer(options.jitterCapacity(), options.jitterDepth());
        this.playout = new Playout(jitter, counters);
        this.target = new RemoteTarget(options.symmetric());
        this.rtcp = new RtcpSender(ssrc, options.cname(), counters, reception, clock, sockets, target);
    }

    /** Binds RTP on {@code port} (0 = any free even port) and RTCP on the next port, default options. */
    public static RtpSession bind(InetAddress address, int port) throws IOException {
        return bind(address, port, RtpOptions.defaults());
    }

    public static RtpSession bind(InetAddress address, int port, RtpOptions options) throws IOException {
        return bind(address, port, options, System::nanoTime);
    }

    /** As {@link #bind(InetAddress, int, RtpOptions)}, pacing the 20 ms tick by {@code clock} (nanoseconds). */
    static RtpSession bind(InetAddress address, int port, RtpOptions options, LongSupplier clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        return new RtpSession(RtpSockets.bind(Objects.requireNonNull(address, "address"), port), options, clock);
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
        receiver = new PacketReceiver(sockets, () -> state, counters, jitter, reception, target, listeners, clock);
        receiver.start();
        pacer = new TickPacer(clock, FRAME_NANOS); // before the first run: no run comes early
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
            if (media.direction().sends() && !old.media.direction().sends()) {
                markNextAudio = true; // RFC 3551 §4.1: sending resumes after a gap (off hold), as after silence
            }
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
            boolean tickEnded = ticker == null;
            if (ticker != null) {
                ticker.shutdownNow();
                try {
                    tickEnded = ticker.awaitTermination(2, TimeUnit.SECONDS);
                    if (!tickEnded) {
                        LOG.warn("RTP tick on port {} did not stop in time", sockets.rtp.getLocalPort());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (state != null && tickEnded) {
                rtcp.bye(state, timestamp);
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

    /** One run of the fixed-rate schedule (tests call it too, with the clock they injected). */
    void tick() {
        synchronized (tickLock) {
            if (closed || pacer == null) {
                return;
            }
            TickPacer.Step step = pacer.next();
            if (step.handlesFrame()) {
                tickOnce(state, step.skippedFrames());
            }
        }
    }

    private void tickOnce(MediaState s, long skipped) {
        if (skipped > 0) {
            skip(s, skipped);
        }
        try {
            sendStep(s);
        } catch (RuntimeException e) {
            warn("sending a frame (audio source or encoder) failed", e);
        }
        try {
            playout.play(s, sink);
        } catch (RuntimeException e) {
            warn("playing a frame (decoder or audio sink) failed", e);
        }
        long before = ticks;
        ticks += 1 + skipped; // RTCP keeps its interval in media time across a skip
        long interval = options.rtcpIntervalTicks();
        long offset = interval / 2;
        if (Math.floorDiv(ticks - offset, interval) > Math.floorDiv(before - offset, interval)) {
            try {
                if (!closed) {
                    rtcp.report(s, timestamp);
                }
            } catch (RuntimeException e) {
                warn("sending RTCP failed", e);
            }
        }
    }

    /**
     * Leaves out {@code frames} frames the tick fell behind on: the RTP timestamp jumps over them, no sequence
     * number is used, the next audio packet is marked, the source's frames are read and dropped, and the
     * playing side skips as much.
     */
    private void skip(MediaState s, long frames) {
        long stalls = counters.stalls.incrementAndGet();
        long total = counters.framesSkipped.addAndGet(frames);
        if (Long.bitCount(stalls) == 1) { // the 1st, 2nd, 4th, 8th... skip, as warn() does
            LOG.warn("RTP tick on port {} stalled: skipped {} frames ({} ms of audio) rather than send and play "
                    + "them as a burst (stall #{}, {} frames skipped in this session)", sockets.rtp.getLocalPort(),
                    frames, frames * Pcm.FRAME_MILLIS, stalls, total);
        }
        timestamp = (timestamp + frames * s.encoder.timestampIncrement()) & 0xFFFF_FFFFL;
        markNextAudio = true;
        if (s.media.direction().sends()) {
            try {
                for (long i = Math.min(frames, SOURCE_SKIP_LIMIT); i > 0; i--) {
                    source.read(frame);
                }
            } catch (RuntimeException e) {
                warn("reading the skipped frames from the audio source failed", e);
            }
        }
        playout.skip(s, frames);
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
            packet = RtpPacket.of(markNextAudio, s.media.sendFormat().payloadType(), nextSequence(), ts, ssrc,
                    s.encoder.encode(frame));
            markNextAudio = false;
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

    private boolean send(DatagramSocket socket, byte[] bytes, InetSocketAddress to) {
        return !closed && RtpSockets.transmit(socket, bytes, to);
    }
}
