package org.cusax.sip.net;

import java.util.Optional;

/** Decides, from one whole SIP message as received, whether to answer it ourselves instead of the stack. */
@FunctionalInterface
public interface RequestRefusals {
    /** The encoded answer to write back on the connection (the message is then not passed on), or empty. */
    Optional<byte[]> refusal(byte[] message, int offset, int length);
}
