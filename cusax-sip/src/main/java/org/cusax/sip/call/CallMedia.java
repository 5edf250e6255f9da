package org.cusax.sip.call;

import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Consumer;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.PlaySource;
import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.MutableSource;
import org.cusax.media.audio.TeeSink;
import org.cusax.core.audio.AudioDirection;
import org.cusax.media.device.DeviceFailureListener;
import org.cusax.media.device.DeviceUnavailableException;
import org.cusax.media.device.SwitchingSink;
import org.cusax.media.device.SwitchingSource;
import org.cusax.media.device.LiveAudio;
import org.cusax.media.audio.AudioSource;
import org.cusax.media.audio.NullSink;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.audio.ToneSource;
import org.cusax.media.audio.WavFileSink;
import org.cusax.media.audio.WavFileSource;
import org.cusax.media.rtp.MediaStartException;
import org.cusax.media.rtp.RtpSession;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.media.sdp.Answer;
import org.cusax.media.sdp.Direction;
import org.cusax.media.sdp.MediaDescription;
import org.cusax.media.sdp.SessionDescription;
import org.cusax.media.sdp.LocalMedia;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.SdpNegotiationException;
import org.cusax.media.sdp.SdpNegotiator;
import org.cusax.media.sdp.SdpParseException;
import org.cusax.media.sdp.SdpParser;
import org.cusax.media.sdp.SrtpMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio of one call: RTP ports reserved before any SDP is written, the offer/answer (RFC 3264),
 * and the session started once both sides agree. {@link #close()} stops all traffic and closes the
 * recording; it is safe to call more than once.
 */
public final class CallMedia implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallMedia.class);
    private static final int TONE_AMPLITUDE = 8000;

    private final RtpSession rtp;
    private final SdpNegotiator sdp;
    private volatile NegotiatedMedia negotiated;
    private volatile AudioSink sink;
    private volatile AudioSource source;
    private volatile String localSdp = "";
    /** The peer's last SDP (offer or answer), for its o= version and its direction. */
    private volatile SessionDescription remote;
    private volatile boolean started;
    private volatile boolean muted;
    /** What we send and where we play, switchable while the call runs (another microphone or speaker). */
    private volatile SwitchingSource input;
    private volatile SwitchingSink speaker;
    private final java.util.Optional<LiveAudio> live;
    private final DeviceFailureListener deviceFailures;

    private CallMedia(RtpSession rtp, SdpNegotiator sdp, java.util.Optional<LiveAudio> live,
                      DeviceFailureListener deviceFailures) {
        this.rtp = rtp;
        this.sdp = sdp;
        this.live = live;
        this.deviceFailures = deviceFailures;
    }

    /**
     * Reserves RTP/RTCP ports on {@code local}; SRTP is required (RTP/SAVP) when {@code srtpRequired} (the
     * security guard's choice: SIP over TLS under security.profile = matched), offered otherwise.
     */
    public static CallMedia open(InetAddress local, boolean srtpRequired, Consumer<Character> dtmf) throws IOException {
        return open(local, srtpRequired, dtmf, java.util.Optional.empty(), (direction, device, reason) -> { });
    }

    /**
     * The same, with the machine's sound devices for plans that use them ({@code live}; empty = none, a device
     * then counts as unavailable) and a listener told when a device cannot be used.
     */
    public static CallMedia open(InetAddress local, boolean srtpRequired, Consumer<Character> dtmf,
                                 java.util.Optional<LiveAudio> live, DeviceFailureListener deviceFailures)
            throws IOException {
        RtpSession rtp = RtpSession.bind(local, 0);
        LocalMedia media = LocalMedia.defaults(rtp.localAddress()).withSrtp(srtpRequired ? SrtpMode.MANDATORY : SrtpMode.OPTIONAL);
        rtp.addDtmfListener(dtmf::accept);
        return new CallMedia(rtp, new SdpNegotiator(media), live, deviceFailures);
    }

    /** Our offer, for an outgoing INVITE. */
    public String offer() {
        localSdp = sdp.createOffer().toSdp();
        return localSdp;
    }

    /**
     * A new offer in an established call (RFC 3264 §8): {@code offered} is the direction written into it
     * (e.g. inactive when the peer holds us and we hold too), {@code intent} the direction we keep for later
     * answers (sendonly while we hold, sendrecv otherwise). Same ports, codecs and SRTP key; the o= version
     * grows because the body changed.
     */
    public synchronized String reoffer(Direction offered, Direction intent) {
        sdp.setDirection(offered);
        try {
            localSdp = sdp.createOffer().toSdp();
        } finally {
            sdp.setDirection(intent);
        }
        return localSdp;
    }

    /** Sets the direction we keep for later offers and answers (after a refused hold or resume). */
    public void keepDirection(Direction intent) {
        sdp.setDirection(intent);
    }

    /** Takes the answer to our offer (200 OK, or ACK for an offer in our 200); running media follows it. */
    public synchronized NegotiatedMedia acceptAnswer(String body)
            throws SdpParseException, SdpNegotiationException, MediaStartException {
        SessionDescription parsed = SdpParser.parse(body);
        NegotiatedMedia media = sdp.acceptAnswer(parsed);
        if (started) {
            rtp.update(media);
        }
        negotiated = media;
        remote = parsed;
        return media;
    }

    /**
     * Answers an offer (INVITE, re-INVITE or UPDATE); returns the SDP for our 200 OK. An offer whose o= line
     * equals the last one the peer sent is unchanged (RFC 3264 §8, a session refresh): our current SDP is
     * returned as it is and the media is left alone. Otherwise running media follows the new answer at once.
     */
    public synchronized String answer(String offerBody)
            throws SdpParseException, SdpNegotiationException, MediaStartException {
        SessionDescription parsed = SdpParser.parse(offerBody);
        if (remote != null && !localSdp.isEmpty() && parsed.origin().equals(remote.origin())) {
            LOG.debug("unchanged offer (o= {} {}): answer kept", parsed.origin().sessionId(),
                    parsed.origin().sessionVersion());
            return localSdp;
        }
        Answer answer = sdp.createAnswer(parsed);
        if (started) {
            rtp.update(answer.media());
        }
        negotiated = answer.media();
        localSdp = answer.sdp().toSdp();
        remote = parsed;
        return localSdp;
    }

    /** True when the peer's last SDP says it does not want our media (sendonly, inactive, or c=0.0.0.0): it holds us. */
    public boolean peerHolds() {
        SessionDescription r = remote;
        if (r == null || r.audio().isEmpty()) {
            return false;
        }
        MediaDescription audio = r.audio().get();
        return !audio.direction().receives() || audio.isHoldAddress();
    }

    /** The direction our media runs in now (from our side), once negotiated. */
    public java.util.Optional<Direction> direction() {
        return negotiated().map(NegotiatedMedia::direction);
    }

    /** Starts sending and receiving as {@code plan} says. */
    public synchronized void start(AudioPlan plan) throws IOException, MediaStartException {
        if (negotiated == null) {
            throw new IllegalStateException("no negotiated media yet");
        }
        input = new SwitchingSource(source(plan.play()));
        MutableSource mutable = new MutableSource(input);
        mutable.mute(muted);
        source = mutable;
        sink = sink(plan);
        rtp.start(negotiated, source, sink);
        started = true;
        LOG.debug("media started to {} ({}, {})", negotiated.remoteRtp(), negotiated.sendFormat(),
                negotiated.isSecure() ? "SRTP" : "RTP");
    }

    /**
     * Mutes what we send (silence goes out instead, so RTP keeps flowing and the far end's inactivity timers
     * stay quiet); before the media starts the choice is kept for it.
     */
    public synchronized void mute(boolean mute) {
        muted = mute;
        if (source instanceof MutableSource m) {
            m.mute(mute);
        }
    }

    public boolean isMuted() {
        return muted;
    }

    /**
     * Moves the running call's capture ({@code inputDevice}) and/or playback ({@code outputDevice}) to another
     * sound device without touching RTP: the old device is closed, the new one opened on its own thread, and
     * what the old one held but had not moved yet goes first on the new one. A recording, if any, goes on.
     *
     * @throws IllegalStateException    the call's audio has not started (or has ended), or this session has no
     *                                  sound devices
     * @throws IllegalArgumentException a name that matches no device (or several): nothing is changed
     */
    public void switchDevices(java.util.Optional<String> inputDevice, java.util.Optional<String> outputDevice) {
        LiveAudio devices = live.orElseThrow(() -> new IllegalStateException("no sound devices in this session"));
        try { // asks the sound system: outside this call's lock, so SDP work never waits for it
            if (inputDevice.isPresent()) {
                devices.check(inputDevice.get(), AudioDirection.INPUT);
            }
            if (outputDevice.isPresent()) {
                devices.check(outputDevice.get(), AudioDirection.OUTPUT);
            }
        } catch (DeviceUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        synchronized (this) {
            if (!started || rtp.isClosed()) {
                throw new IllegalStateException("the call's audio is not running");
            }
            inputDevice.ifPresent(d -> input.switchTo(devices.microphone(d, deviceFailures)));
            outputDevice.ifPresent(d -> speaker.switchTo(devices.speaker(d, deviceFailures)));
        }
        LOG.debug("call audio moved to input {} / output {}", inputDevice.orElse("(kept)"), outputDevice.orElse("(kept)"));
    }

    private AudioSink sink(AudioPlan plan) throws IOException {
        AudioSink file = plan.record().isPresent() ? WavFileSink.create(plan.record().get()) : null;
        speaker = new SwitchingSink(speakerOf(plan));
        return file == null ? speaker : new TeeSink(java.util.List.of(speaker, file));
    }

    private AudioSink speakerOf(AudioPlan plan) {
        if (plan.speaker().isEmpty()) {
            return new NullSink();
        }
        String device = plan.speaker().get();
        if (live.isEmpty()) {
            deviceFailures.failed(AudioDirection.OUTPUT, device, "no sound devices in this session");
            return new NullSink();
        }
        return live.get().speaker(device, deviceFailures);
    }

    private AudioSource source(PlaySource play) throws IOException {
        if (play instanceof PlaySource.Microphone mic) {
            if (live.isEmpty()) {
                deviceFailures.failed(org.cusax.core.audio.AudioDirection.INPUT, mic.device(),
                        "no sound devices in this session");
                return new SilenceSource();
            }
            return live.get().microphone(mic.device(), deviceFailures);
        }
        if (play instanceof PlaySource.Tone tone) {
            return ToneSource.endless(tone.hertz(), TONE_AMPLITUDE);
        }
        if (play instanceof PlaySource.WavFile wav) {
            return WavFileSource.open(wav.path());
        }
        return new SilenceSource();
    }

    public void sendDtmf(String digits) {
        rtp.sendDtmf(digits);
    }

    public RtpStatistics statistics() {
        return rtp.statistics();
    }

    /** The agreed media, once negotiated. */
    public java.util.Optional<NegotiatedMedia> negotiated() {
        return java.util.Optional.ofNullable(negotiated);
    }

    /** The SDP we last wrote (offer or answer), e.g. to check its transport profile. */
    public String localSdp() {
        return localSdp;
    }

    public boolean isClosed() {
        return rtp.isClosed();
    }

    /** True once the closed call's media threads have all ended: its statistics are final (RtpSession#isStopped). */
    public boolean isStopped() {
        return rtp.isStopped();
    }

    @Override
    public synchronized void close() {
        rtp.close();
        closeQuietly(sink);
        closeQuietly(source);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing call audio failed: {}", e.getMessage());
        }
    }
}
