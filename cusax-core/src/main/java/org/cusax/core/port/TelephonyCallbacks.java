package org.cusax.core.port;

/** What the SIP half reports back to the core. Calls and incoming requests are added here later. */
public interface TelephonyCallbacks extends StatusListener {
}
