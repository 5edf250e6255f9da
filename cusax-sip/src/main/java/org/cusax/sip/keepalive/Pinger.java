package org.cusax.sip.keepalive;

import java.io.IOException;

/** Sends one double-CRLF ping over the connection being watched. */
@FunctionalInterface
public interface Pinger {
    void ping() throws IOException;
}
