package org.cusax.sandbox.xmpp.server;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.apache.vysper.mina.codec.XMPPProtocolCodecFactory;

/**
 * Vysper's XMPP codec, one connection at a time. Vysper 0.7 decodes every connection with one static
 * {@code CharsetUtil.UTF8_DECODER} ({@code XMPPDecoder}, {@code XMLTokenizer}) and encodes with one
 * static {@code UTF8_ENCODER} ({@code StanzaWriterProtocolEncoder}); a {@link java.nio.charset.CharsetDecoder}
 * is not thread-safe, and MINA runs connections on several I/O threads, so two clients reading at once
 * corrupted it ("Current state = RESET, new state = CODING_END") and the server dropped a connection
 * mid-stanza. Decoding and encoding are each serialized across connections here; the sandbox serves a
 * handful of clients, so the lock costs nothing that matters.
 */
final class SerializedXmppCodec implements ProtocolCodecFactory {
    private static final Object DECODING = new Object();
    private static final Object ENCODING = new Object();

    private final XMPPProtocolCodecFactory vysper = new XMPPProtocolCodecFactory();

    @Override
    public ProtocolEncoder getEncoder(IoSession session) throws Exception {
        ProtocolEncoder encoder = vysper.getEncoder(session);
        return new ProtocolEncoder() {
            @Override
            public void encode(IoSession s, Object message, ProtocolEncoderOutput out) throws Exception {
                synchronized (ENCODING) {
                    encoder.encode(s, message, out);
                }
            }

            @Override
            public void dispose(IoSession s) throws Exception {
                encoder.dispose(s);
            }
        };
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) throws Exception {
        ProtocolDecoder decoder = vysper.getDecoder(session);
        return new ProtocolDecoder() {
            @Override
            public void decode(IoSession s, IoBuffer in, ProtocolDecoderOutput out) throws Exception {
                synchronized (DECODING) {
                    decoder.decode(s, in, out);
                }
            }

            @Override
            public void finishDecode(IoSession s, ProtocolDecoderOutput out) throws Exception {
                synchronized (DECODING) {
                    decoder.finishDecode(s, out);
                }
            }

            @Override
            public void dispose(IoSession s) throws Exception {
                decoder.dispose(s);
            }
        };
    }
}
